import { cp, mkdir, mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import pg from "pg";
import { MIGRATIONS_DIR, migrate } from "@/lib/migrate";
import { createDatabase, uniqueDatabaseName } from "@/tests/support/test-databases";

const serverUrl = process.env.TEST_SERVER_URL as string;

async function freshDatabase() {
  return createDatabase(
    serverUrl,
    uniqueDatabaseName(`${new URL(process.env.DATABASE_URL as string).pathname.slice(1)}_m`),
  );
}

async function recorded(connectionString: string) {
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    const { rows } = await client.query(
      `SELECT migration_name, checksum, finished_at, applied_steps_count FROM "_prisma_migrations" ORDER BY migration_name`,
    );
    return rows;
  } finally {
    await client.end();
  }
}

describe("db:migrate", () => {
  it("applies every migration once; a second run is a no-op", async () => {
    const url = await freshDatabase();

    const first = await migrate({ connectionString: url });
    const afterFirst = await recorded(url);
    const second = await migrate({ connectionString: url });

    expect(first.applied.length).toBeGreaterThan(0);
    expect(second).toEqual({ applied: [], alreadyApplied: first.applied.length });
    expect(await recorded(url)).toEqual(afterFirst);
    // Recorded the way `prisma migrate deploy` records: finished, one step, SHA-256 hex checksum.
    for (const row of afterFirst) {
      expect(row.finished_at).toBeInstanceOf(Date);
      expect(row.applied_steps_count).toBe(1);
      expect(row.checksum).toMatch(/^[0-9a-f]{64}$/);
    }
  });

  it("two concurrent runs do not both apply a migration", async () => {
    const url = await freshDatabase();

    const [a, b] = await Promise.all([
      migrate({ connectionString: url }),
      migrate({ connectionString: url }),
    ]);

    expect(a.applied.length + b.applied.length).toBe(Math.max(a.applied.length, b.applied.length));
    const rows = await recorded(url);
    expect(new Set(rows.map((row) => row.migration_name)).size).toBe(rows.length);
  });

  it("rolls a failing migration back whole and records nothing for it", async () => {
    const url = await freshDatabase();
    const dir = await mkdtemp(path.join(tmpdir(), "migrations-"));
    await cp(MIGRATIONS_DIR, dir, { recursive: true });
    const broken = path.join(dir, "29991231000000_broken");
    await mkdir(broken);
    await writeFile(
      path.join(broken, "migration.sql"),
      `CREATE TABLE "half_done" ("id" INTEGER);\nSELECT no_such_function();\n`,
    );

    await expect(migrate({ connectionString: url, dir })).rejects.toThrow(
      /29991231000000_broken failed and was rolled back/,
    );

    const client = new pg.Client({ connectionString: url });
    await client.connect();
    const { rows } = await client.query(`SELECT to_regclass('half_done') AS table`);
    await client.end();
    expect(rows[0].table).toBeNull();
    expect((await recorded(url)).map((row) => row.migration_name)).not.toContain(
      "29991231000000_broken",
    );
  });
});
