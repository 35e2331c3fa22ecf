// Several production instances of the app on one PostgreSQL database, as deployed: each
// is the standalone build run with the preload (scripts/server-preload.mjs), its own page
// cache, its own job runner, its own port. Used by `npm run soak` and by the end-to-end
// tests of operations and shared state (e2e/operations.spec.ts, e2e/instances.spec.ts).
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { cp, mkdir, mkdtemp, readdir, readFile, rm, symlink, writeFile } from "node:fs/promises";
import net from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { installJobQueue } from "@/lib/jobs/runner";
import { migrate } from "@/lib/migrate";
import { prepareStandalone } from "@/scripts/start.mjs";
import {
  createDatabase,
  uniqueDatabaseName,
  withServerClient,
} from "@/tests/support/test-databases";

const ROOT = path.resolve(import.meta.dirname, "..");
const STANDALONE = path.join(ROOT, ".next", "standalone");
const PRELOAD = path.join(ROOT, "scripts", "server-preload.mjs");

export type ClusterDatabase = {
  url: string;
  name: string;
  serverUrl: string;
  drop: () => Promise<void>;
};

/** A fresh, migrated database `<prefix>_<random>` on the server `serverUrl` names (never that database itself). */
export async function createClusterDatabase(
  serverUrl: string,
  prefix = "azionelab_soak",
): Promise<ClusterDatabase> {
  const name = uniqueDatabaseName(prefix);
  const url = await createDatabase(serverUrl, name);
  await migrate({ connectionString: url });
  await installJobQueue(url);
  return {
    url,
    name,
    serverUrl,
    drop: () =>
      withServerClient(serverUrl, (client) =>
        client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`),
      ).then(() => undefined),
  };
}

/**
 * A claim on `port` shared by every process of this machine: Playwright's workers start
 * instances at the same time, and a port found free by two of them would be bound by the
 * first, the second's server failing while its health check reached the first's. The
 * claim is a file holding the claiming process's id; a dead process's claim is taken over.
 */
async function claimPort(port: number): Promise<boolean> {
  const file = path.join(tmpdir(), `azionelab-instance-port-${port}.claim`);
  try {
    await writeFile(file, String(process.pid), { flag: "wx" });
    return true;
  } catch {
    const owner = Number(await readFile(file, "utf8").catch(() => "0"));
    let alive = false;
    try {
      process.kill(owner, 0);
      alive = owner > 0;
    } catch {
      alive = false;
    }
    if (alive) return false;
    await rm(file, { force: true });
    return writeFile(file, String(process.pid), { flag: "wx" }).then(
      () => true,
      () => false,
    );
  }
}

async function releasePort(port: number): Promise<void> {
  const file = path.join(tmpdir(), `azionelab-instance-port-${port}.claim`);
  if ((await readFile(file, "utf8").catch(() => "")) === String(process.pid))
    await rm(file, { force: true });
}

/**
 * A port for an instance: from AZIONELAB_INSTANCE_PORTS (`3250-3299`) when set — several
 * engineers share this machine — claimed for this process (see claimPort), otherwise
 * any free one.
 */
export async function freePort(taken: Set<number> = new Set()): Promise<number> {
  const range = /^(\d+)-(\d+)$/.exec(process.env.AZIONELAB_INSTANCE_PORTS ?? "");
  const candidates = range
    ? Array.from(
        { length: Number(range[2]) - Number(range[1]) + 1 },
        (_, i) => Number(range[1]) + i,
      )
    : [0];
  for (const candidate of candidates) {
    if (taken.has(candidate)) continue;
    if (candidate !== 0 && !(await claimPort(candidate))) continue;
    const port = await new Promise<number | null>((resolve) => {
      const server = net.createServer();
      server.once("error", () => resolve(null));
      server.listen(candidate, "127.0.0.1", () => {
        const { port: bound } = server.address() as net.AddressInfo;
        server.close(() => resolve(bound));
      });
    });
    if (port !== null && !taken.has(port)) {
      taken.add(port);
      return port;
    }
    if (candidate !== 0) await releasePort(candidate);
  }
  throw new Error(`no free port in ${process.env.AZIONELAB_INSTANCE_PORTS}`);
}

/**
 * Its own copy of the build's `.next` (page cache, as on another machine), the rest
 * linked to the build.
 */
async function instanceTree(): Promise<string> {
  prepareStandalone();
  const dir = await mkdtemp(path.join(tmpdir(), "azionelab-instance-"));
  for (const entry of await readdir(STANDALONE)) {
    const from = path.join(STANDALONE, entry);
    const to = path.join(dir, entry);
    if (entry === ".next") await cp(from, to, { recursive: true, verbatimSymlinks: true });
    else await symlink(from, to);
  }
  await rm(path.join(dir, ".next", "server", "route-cache"), { recursive: true, force: true });
  return dir;
}

export type InstanceOptions = {
  name: string;
  databaseUrl: string;
  /** Shared by every instance of a cluster: sessions and sealed email links must work on all. */
  secret: string;
  mailDir: string;
  port?: number;
  env?: Record<string, string>;
};

export type Instance = {
  name: string;
  port: number;
  baseUrl: string;
  /** The process's stdout and stderr so far (JSON lines). */
  output: () => string;
  /** The process's exit, once it happened. */
  exited: () => { code: number | null; signal: NodeJS.Signals | null } | null;
  /** Sends SIGTERM and waits for the exit (SIGKILL after `graceMs`). */
  stop: (graceMs?: number) => Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** SIGKILL, no shutdown at all. */
  kill: () => Promise<void>;
  /** Starts the process again on the same port and tree (after stop or kill). */
  restart: () => Promise<void>;
  /** Stops it if running and removes its tree. */
  dispose: () => Promise<void>;
  pid: () => number | undefined;
};

async function waitForHealth(baseUrl: string, child: ChildProcess, output: () => string) {
  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null)
      throw new Error(`the instance exited (${child.exitCode ?? child.signalCode}):\n${output()}`);
    try {
      const response = await fetch(new URL("/api/health", baseUrl));
      if (response.ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 150));
  }
  throw new Error(`the instance did not become healthy within 90 s:\n${output()}`);
}

const takenPorts = new Set<number>();

export async function startInstance(options: InstanceOptions): Promise<Instance> {
  const port = options.port ?? (await freePort(takenPorts));
  const baseUrl = `http://127.0.0.1:${port}`;
  const tree = await instanceTree();
  await mkdir(options.mailDir, { recursive: true });
  let child: ChildProcess;
  let log = "";
  let exit: { code: number | null; signal: NodeJS.Signals | null } | null = null;
  let exitPromise: Promise<void>;

  const launch = async () => {
    exit = null;
    child = spawn(process.execPath, ["--import", PRELOAD, path.join(tree, "server.js")], {
      cwd: tree,
      stdio: ["ignore", "pipe", "pipe"],
      env: {
        PATH: process.env.PATH ?? "",
        NODE_ENV: "production",
        HOSTNAME: "127.0.0.1",
        PORT: String(port),
        DATABASE_URL: options.databaseUrl,
        APP_URL: baseUrl,
        NEXTAUTH_URL: baseUrl,
        NEXTAUTH_SECRET: options.secret,
        EMAIL_TRANSPORT: "file",
        MAIL_DIR: options.mailDir,
        NEXT_TELEMETRY_DISABLED: "1",
        TZ: process.env.TZ ?? "UTC",
        ...options.env,
      },
    });
    const collect = (chunk: Buffer) => {
      log += chunk.toString();
      if (log.length > 2_000_000) log = log.slice(-1_000_000);
    };
    child.stdout?.on("data", collect);
    child.stderr?.on("data", collect);
    // Resolved once the output is complete too: "exit" can come before the last lines
    // (the shutdown's "stopped") are read from the pipes, "close" after. A grandchild
    // holding the pipes open must not hang a stop: 2 s after "exit" at the latest.
    exitPromise = new Promise((resolve) => {
      child.once("exit", (code, signal) => {
        exit = { code, signal };
        setTimeout(resolve, 2000).unref();
      });
      child.once("close", () => resolve());
    });
    await waitForHealth(baseUrl, child, () => log.slice(-4000));
  };

  const running = () => exit === null && child.exitCode === null && child.signalCode === null;
  const stop = async (graceMs = 30_000) => {
    if (running()) {
      child.kill("SIGTERM");
      const timer = setTimeout(() => child.kill("SIGKILL"), graceMs);
      await exitPromise;
      clearTimeout(timer);
    }
    return exit ?? { code: child.exitCode, signal: child.signalCode };
  };
  const kill = async () => {
    if (running()) {
      child.kill("SIGKILL");
      await exitPromise;
    }
  };

  await launch();
  return {
    name: options.name,
    port,
    baseUrl,
    output: () => log,
    exited: () => exit,
    stop,
    kill,
    restart: launch,
    dispose: async () => {
      await stop(10_000);
      takenPorts.delete(port);
      await releasePort(port);
      await rm(tree, { recursive: true, force: true });
    },
    pid: () => child.pid,
  };
}

/** A secret for a cluster's NEXTAUTH_SECRET. */
export function clusterSecret(): string {
  return randomBytes(32).toString("base64url");
}

export function openSql(url: string, max = 4): pg.Pool {
  const pool = new pg.Pool({ connectionString: url, max });
  pool.on("error", () => undefined);
  return pool;
}
