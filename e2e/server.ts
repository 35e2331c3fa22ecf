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

async function withAdminClient<T>(serverUrl: string, run: (client: pg.Client) => Promise<T>) {
  const client = new pg.Client({ connectionString: databaseUrl(serverUrl, "postgres") });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
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

async function main() {
  const serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) throw new Error("DATABASE_URL must name a PostgreSQL server");

  // Only [a-z0-9_]: the name is interpolated into DDL, which takes no parameters.
  const database = `azionelab_e2e_${randomBytes(6).toString("hex")}`;
  const env: NodeJS.ProcessEnv = { ...process.env, DATABASE_URL: databaseUrl(serverUrl, database) };

  const state: { server?: ChildProcess; created: boolean } = { created: false };
  let stopping: Promise<void> | undefined;

  const stop = (exitCode: number) => {
    stopping ??= (async () => {
      const { server } = state;
      if (server) {
        if (server.exitCode === null && server.signalCode === null) server.kill("SIGTERM");
        await waitForExit(server, 10_000);
      }
      if (state.created) {
        try {
          await withAdminClient(serverUrl, (client) =>
            client.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`),
          );
          log("info", "dropped e2e database", { database });
        } catch (error) {
          log("error", "could not drop e2e database", { database, error: String(error) });
        }
      }
      process.exit(exitCode);
    })();
    return stopping;
  };
  process.on("SIGTERM", () => void stop(0));
  process.on("SIGINT", () => void stop(0));

  try {
    await withAdminClient(serverUrl, (client) => client.query(`CREATE DATABASE "${database}"`));
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
