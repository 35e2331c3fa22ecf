import { spawn } from "node:child_process";
import { mkdir } from "node:fs/promises";
import path from "node:path";
import pg from "pg";

/**
 * libpq's environment for a connection string, so that pg_dump and pg_restore get the
 * password from their environment and never on a command line other users can read.
 */
export function libpqEnvironment(connectionString: string): Record<string, string> {
  const url = new URL(connectionString);
  return {
    PGHOST: decodeURIComponent(url.hostname) || "localhost",
    PGPORT: url.port || "5432",
    PGUSER: decodeURIComponent(url.username),
    PGPASSWORD: decodeURIComponent(url.password),
    PGDATABASE: decodeURIComponent(url.pathname.slice(1)),
    ...(url.searchParams.get("sslmode") ? { PGSSLMODE: url.searchParams.get("sslmode")! } : {}),
  };
}

function run(command: string, args: string[], env: Record<string, string>): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      env: { ...process.env, ...env },
      stdio: ["ignore", "ignore", "pipe"],
    });
    let stderr = "";
    child.stderr.on("data", (chunk) => (stderr += String(chunk)));
    child.on("error", (error) =>
      reject(new Error(`${command} could not start (${error.message}): is it installed?`)),
    );
    child.on("exit", (code) =>
      code === 0
        ? resolve()
        : reject(new Error(`${command} failed (exit ${code}): ${stderr.trim().slice(0, 2000)}`)),
    );
  });
}

/** "azionelab-2026-12-01T01-30-00Z.dump": sortable, and valid on every file system. */
export function backupFileName(now: Date): string {
  return `azionelab-${now.toISOString().slice(0, 19).replaceAll(":", "-")}Z.dump`;
}

/**
 * A pg_dump custom-format archive of the whole database (schema, data, migrations
 * table) in `directory`, named with the time. `pgDump` must be at least the server's
 * major version. Returns the file's path.
 */
export async function backupDatabase({
  connectionString,
  directory,
  pgDump = "pg_dump",
  now = new Date(),
}: {
  connectionString: string;
  directory: string;
  pgDump?: string;
  now?: Date;
}): Promise<string> {
  await mkdir(directory, { recursive: true });
  const file = path.resolve(directory, backupFileName(now));
  await run(
    pgDump,
    ["--format=custom", "--no-owner", "--no-privileges", `--file=${file}`],
    libpqEnvironment(connectionString),
  );
  return file;
}

/** Tables in the database outside PostgreSQL's own schemas: 0 means it is empty. */
export async function countUserTables(connectionString: string): Promise<number> {
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    const { rows } = await client.query<{ count: number }>(
      `SELECT count(*)::int AS count FROM pg_tables
        WHERE schemaname NOT IN ('pg_catalog', 'information_schema')`,
    );
    return rows[0].count;
  } finally {
    await client.end();
  }
}

export type RestoreResult = { ok: true } | { ok: false; reason: "not_empty"; tables: number };

/**
 * Restores a pg_dump custom-format archive into the database. An existing database with
 * tables is refused unless `force` (then its objects are dropped and replaced), so a
 * restore can never mix a backup into live data by mistake.
 */
export async function restoreDatabase({
  connectionString,
  file,
  force = false,
  pgRestore = "pg_restore",
}: {
  connectionString: string;
  file: string;
  force?: boolean;
  pgRestore?: string;
}): Promise<RestoreResult> {
  const tables = await countUserTables(connectionString);
  if (tables > 0 && !force) return { ok: false, reason: "not_empty", tables };
  await run(
    pgRestore,
    [
      "--no-owner",
      "--no-privileges",
      "--exit-on-error",
      "--single-transaction",
      ...(tables > 0 ? ["--clean", "--if-exists"] : []),
      `--dbname=${libpqEnvironment(connectionString).PGDATABASE}`,
      file,
    ],
    libpqEnvironment(connectionString),
  );
  return { ok: true };
}
