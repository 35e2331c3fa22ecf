import { createHash, randomUUID } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import pg from "pg";

// The advisory lock key `prisma migrate deploy` takes, so that our runner and Prisma's
// exclude each other as well as two copies of either.
const PRISMA_ADVISORY_LOCK = 72707369;

export const MIGRATIONS_DIR = path.resolve(import.meta.dirname, "../prisma/migrations");

type Migration = { name: string; sql: string; checksum: string };

export type MigrateReport = { applied: string[]; alreadyApplied: number };

async function readMigrations(dir: string): Promise<Migration[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const names = entries
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
  return Promise.all(
    names.map(async (name) => {
      const sql = await readFile(path.join(dir, name, "migration.sql"), "utf8");
      // Prisma's checksum: SHA-256 hex of the migration file's content.
      return { name, sql, checksum: createHash("sha256").update(sql).digest("hex") };
    }),
  );
}

const CREATE_TABLE = `
  CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                  VARCHAR(36) PRIMARY KEY NOT NULL,
    "checksum"            VARCHAR(64) NOT NULL,
    "finished_at"         TIMESTAMPTZ,
    "migration_name"      VARCHAR(255) NOT NULL,
    "logs"                TEXT,
    "rolled_back_at"      TIMESTAMPTZ,
    "started_at"          TIMESTAMPTZ NOT NULL DEFAULT now(),
    "applied_steps_count" INTEGER NOT NULL DEFAULT 0
  )`;

/**
 * Applies pending migrations in name order, each in its own transaction together with
 * its `_prisma_migrations` row, under Prisma's advisory lock. A migration that fails is
 * rolled back whole and stops the run; nothing is recorded for it, so it can be fixed
 * and re-run (Prisma would leave a failed row that needs `migrate resolve`).
 */
export async function migrate({
  connectionString,
  dir = MIGRATIONS_DIR,
  log = () => {},
}: {
  connectionString: string;
  dir?: string;
  log?: (line: string) => void;
}): Promise<MigrateReport> {
  const migrations = await readMigrations(dir);
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    await client.query("SELECT pg_advisory_lock($1)", [PRISMA_ADVISORY_LOCK]);
    await client.query(CREATE_TABLE);
    const { rows } = await client.query<{
      migration_name: string;
      checksum: string;
      finished_at: Date | null;
    }>(
      `SELECT migration_name, checksum, finished_at FROM "_prisma_migrations" WHERE rolled_back_at IS NULL`,
    );
    const failed = rows.find((row) => row.finished_at === null);
    if (failed) {
      throw new Error(
        `Migration ${failed.migration_name} failed earlier and is not resolved; fix it (see _prisma_migrations.logs) before migrating.`,
      );
    }
    const recorded = new Map(rows.map((row) => [row.migration_name, row.checksum]));
    const report: MigrateReport = { applied: [], alreadyApplied: 0 };
    for (const migration of migrations) {
      const checksum = recorded.get(migration.name);
      if (checksum !== undefined) {
        if (checksum !== migration.checksum)
          log(`warning: migration ${migration.name} was modified after it was applied`);
        report.alreadyApplied += 1;
        continue;
      }
      log(`applying ${migration.name}`);
      await client.query("BEGIN");
      try {
        await client.query(migration.sql);
        await client.query(
          `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at, finished_at, applied_steps_count)
           VALUES ($1, $2, $3, now(), clock_timestamp(), 1)`,
          [randomUUID(), migration.checksum, migration.name],
        );
        await client.query("COMMIT");
      } catch (error) {
        await client.query("ROLLBACK");
        throw new Error(
          `Migration ${migration.name} failed and was rolled back: ${(error as Error).message}`,
        );
      }
      report.applied.push(migration.name);
    }
    return report;
  } finally {
    // Closing the session releases the advisory lock too.
    await client.end();
  }
}
