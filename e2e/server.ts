// The web server Playwright runs the end-to-end tests against.
//
// DATABASE_URL names a PostgreSQL server (scripts/with-db.ts provides an embedded one when
// it is unset). We create a throw-away database `azionelab_e2e_<random>` on that server,
// migrate and seed it, run the production (standalone) build on it, and drop it when
// Playwright stops us with SIGTERM (or on Ctrl-C). The database named in DATABASE_URL
// itself is never written to.
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import path from "node:path";
import { fileURLToPath } from "node:url";

import pg from "pg";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

function log(level: "info" | "error", msg: string, extra: Record<string, unknown> = {}) {
  console.error(JSON.stringify({ level, msg, ...extra, time: new Date().toISOString() }));
}

function databaseUrl(serverUrl: string, database: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

function run(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: root, env, stdio: ["ignore", "inherit", "inherit"] });
    child.on("error", reject);
    child.on("exit", (code, signal) =>
      code === 0
        ? resolve()
        : reject(new Error(`${command} ${args.join(" ")} failed (${signal ?? `exit ${code}`})`)),
    );
  });
}

function waitForExit(child: ChildProcess, timeoutMs: number): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      resolve();
    }, timeoutMs);
    child.once("exit", () => {
      clearTimeout(timer);
      resolve();
    });
  });
}

const DATABASE_PREFIX = "azionelab_e2e_";
const RUN_MARKER = "azionelab-e2e ";

/**
 * Drops e2e databases of earlier runs that nobody uses any more: no session in them and
 * no live run holding its marked admin connection. A plain DROP (no FORCE) fails rather
 * than disturb a run that connects in between.
 */
async function sweepAbandonedDatabases(admin: pg.Client) {
  const { rows } = await admin.query<{ datname: string }>(
    `SELECT d.datname FROM pg_database d
      WHERE starts_with(d.datname, $1)
        AND NOT EXISTS (
          SELECT 1 FROM pg_stat_activity a
           WHERE a.datname = d.datname OR a.application_name = $2 || d.datname)`,
    [DATABASE_PREFIX, RUN_MARKER],
  );
  for (const { datname } of rows) {
    if (!/^azionelab_e2e_[0-9a-f]+$/.test(datname)) continue;
    try {
      await admin.query(`DROP DATABASE IF EXISTS "${datname}"`);
      log("info", "dropped abandoned e2e database", { database: datname });
    } catch (error) {
      log("error", "could not drop abandoned e2e database", {
        database: datname,
        error: String(error),
      });
    }
  }
}

async function main() {
  const serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) throw new Error("DATABASE_URL must name a PostgreSQL server");

  // Only [a-z0-9_]: the name is interpolated into DDL, which takes no parameters.
  const database = `${DATABASE_PREFIX}${randomBytes(6).toString("hex")}`;
  const env: NodeJS.ProcessEnv = { ...process.env, DATABASE_URL: databaseUrl(serverUrl, database) };

  // Opened up front and held until the end, under a name that marks this run as alive.
  // Playwright signals the whole process group; an embedded PostgreSQL started by
  // scripts/with-db.ts then shuts down at once, and the final DROP can be lost. The next
  // run sweeps such leftovers (see sweepAbandonedDatabases).
  const admin = new pg.Client({
    connectionString: databaseUrl(serverUrl, "postgres"),
    application_name: `${RUN_MARKER}${database}`,
  });
  const state: { server?: ChildProcess; created: boolean } = { created: false };
  let stopping: Promise<void> | undefined;

  // Expected while stopping under the embedded server; a problem at any other time.
  admin.on("error", (error) =>
    log(stopping ? "info" : "error", "admin connection lost", { error: String(error) }),
  );
  await admin.connect();
  await sweepAbandonedDatabases(admin);

  const stop = (exitCode: number) => {
    stopping ??= (async () => {
      const { server } = state;
      if (server) {
        if (server.exitCode === null && server.signalCode === null) server.kill("SIGTERM");
        await waitForExit(server, 10_000);
      }
      if (state.created) {
        try {
          await admin.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
          log("info", "dropped e2e database", { database });
        } catch (error) {
          log("info", "e2e database left for the next run to sweep", {
            database,
            error: String(error),
          });
        }
      }
      await admin.end().catch(() => undefined);
      process.exit(exitCode);
    })();
    return stopping;
  };
  process.on("SIGTERM", () => void stop(0));
  process.on("SIGINT", () => void stop(0));

  try {
    await admin.query(`CREATE DATABASE "${database}"`);
    state.created = true;
    log("info", "created e2e database", { database });

    await run("npm", ["run", "--silent", "db:migrate"], env);
    await run("npm", ["run", "--silent", "db:seed"], env);
  } catch (error) {
    log("error", "e2e setup failed", { error: String(error) });
    await stop(1);
    return;
  }
  if (stopping) return;

  const server = spawn(process.execPath, [path.join(root, "scripts", "start.mjs")], {
    cwd: root,
    env: {
      ...env,
      HOSTNAME: process.env.E2E_HOSTNAME ?? "127.0.0.1",
      PORT: process.env.PORT ?? "3100",
    },
    stdio: "inherit",
  });
  state.server = server;
  server.on("exit", (code, signal) => {
    if (stopping) return;
    log("error", "app server exited", { code, signal });
    void stop(code ?? 1);
  });
}

main().catch((error: unknown) => {
  log("error", "e2e server failed", { error: String(error) });
  process.exit(1);
});
