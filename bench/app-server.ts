import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { createWriteStream, existsSync } from "node:fs";
import { cp, mkdtemp, readdir, rm, stat } from "node:fs/promises";
import net from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { prepareStandalone } from "@/scripts/start.mjs";

const ROOT = path.resolve(import.meta.dirname, "..");
const BUILD_ID = path.join(ROOT, ".next", "BUILD_ID");
const STANDALONE = path.join(ROOT, ".next", "standalone");
// What `next build` reads; a change to any of them makes the last build stale.
const BUILD_INPUTS = [
  "app",
  "components",
  "lib",
  "public",
  "proxy.ts",
  "next.config.ts",
  "package-lock.json",
  "postcss.config.mjs",
  "tsconfig.json",
];

async function newestMtime(target: string): Promise<number> {
  if (!existsSync(target)) return 0;
  const info = await stat(target);
  if (!info.isDirectory()) return info.mtimeMs;
  const entries = await readdir(target, { withFileTypes: true });
  const times = await Promise.all(
    entries
      .filter((entry) => entry.name !== "node_modules")
      .map((entry) => newestMtime(path.join(target, entry.name))),
  );
  return Math.max(info.mtimeMs, ...times);
}

/** Why the production build must be (re)made, or null when the last one is current. */
export async function buildStaleness(): Promise<string | null> {
  if (!existsSync(path.join(STANDALONE, "server.js")) || !existsSync(BUILD_ID))
    return "no production build yet";
  const builtAt = (await stat(BUILD_ID)).mtimeMs;
  for (const input of BUILD_INPUTS) {
    if ((await newestMtime(path.join(ROOT, input))) > builtAt)
      return `${input} changed since the last build`;
  }
  return null;
}

function run(command: string, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd: ROOT,
      stdio: ["ignore", "inherit", "inherit"],
      env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
    });
    child.once("error", reject);
    child.once("exit", (code) =>
      code === 0
        ? resolve()
        : reject(new Error(`${command} ${args.join(" ")} exited with ${code}`)),
    );
  });
}

export function build(): Promise<void> {
  return run("npm", ["run", "--silent", "build"]);
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

async function waitForHealth(
  baseUrl: string,
  child: ChildProcess,
  output: () => string,
): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null)
      throw new Error(
        `the app server exited (${child.exitCode ?? child.signalCode}):\n${output()}`,
      );
    try {
      const response = await fetch(new URL("/api/health", baseUrl));
      if (response.ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`the app server did not become healthy within 60 s:\n${output()}`);
}

export type AppServer = {
  baseUrl: string;
  stop: () => Promise<void>;
  /** The server's NEXTAUTH_SECRET (the mail drain seals tokens with it). */
  secret: string;
};

/** Where the app server's stderr (errors; request logs are off) goes during a run. */
export const SERVER_LOG = path.join(tmpdir(), "azionelab-bench-server.log");

/**
 * A private copy of the standalone build (with its static assets), taken right after the
 * build: another `next build` in the same tree while we measure cannot pull files from
 * under the server. Returns the copy's directory and a function that removes it.
 */
export async function snapshotBuild(): Promise<{ dir: string; remove: () => Promise<void> }> {
  // prepareStandalone() exits the process when the build is missing; say so and clean up instead.
  if (!existsSync(path.join(STANDALONE, "server.js")))
    throw new Error("the production build is missing (.next/standalone): run without --no-build");
  prepareStandalone();
  const dir = await mkdtemp(path.join(tmpdir(), "azionelab-bench-app-"));
  const remove = () => rm(dir, { recursive: true, force: true });
  try {
    // verbatimSymlinks: the build links its external packages relatively (.next/node_modules/pg-… -> ../../node_modules/pg).
    await cp(STANDALONE, dir, { recursive: true, verbatimSymlinks: true });
  } catch (error) {
    await remove();
    throw new Error(
      `copying the build failed (is another \`next build\` running in this tree?): ${String(error)}`,
    );
  }
  return { dir, remove };
}

/**
 * Runs the production server from a build snapshot the way scripts/start.mjs does.
 * Request logs are off (LOG_LEVEL=silent), rate limits off, mail written to `mailDir`.
 */
export async function startAppServer({
  buildDir,
  databaseUrl,
  mailDir,
}: {
  buildDir: string;
  databaseUrl: string;
  mailDir: string;
}): Promise<AppServer> {
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  // Known to the bench too: the mail drain seals tickets' tokens as the app does.
  // The bench's own NEXTAUTH_SECRET when it has one (run.ts sets it: cancel → offer seals offer links in-process).
  const secret = process.env.NEXTAUTH_SECRET ?? randomBytes(32).toString("base64url");
  // BENCH_CPU_PROF=<dir>: the server writes a V8 CPU profile there when it stops (open
  // it in Chrome DevTools or speedscope); best with --only=<one scenario>.
  const profile = process.env.BENCH_CPU_PROF
    ? ["--cpu-prof", `--cpu-prof-dir=${path.resolve(process.env.BENCH_CPU_PROF)}`]
    : [];
  const child = spawn(
    process.execPath,
    [
      ...profile,
      "--import",
      path.join(ROOT, "scripts", "server-preload.mjs"),
      path.join(buildDir, "server.js"),
    ],
    {
      cwd: buildDir,
      stdio: ["ignore", "ignore", "pipe"],
      env: {
        ...process.env,
        NODE_ENV: "production",
        HOSTNAME: "127.0.0.1",
        PORT: String(port),
        DATABASE_URL: databaseUrl,
        APP_URL: baseUrl,
        NEXTAUTH_URL: baseUrl,
        NEXTAUTH_SECRET: secret,
        RATE_LIMIT: "off",
        EMAIL_TRANSPORT: "file",
        MAIL_DIR: mailDir,
        LOG_LEVEL: "silent",
        NEXT_TELEMETRY_DISABLED: "1",
      },
    },
  );
  let stderr = "";
  const serverLog = createWriteStream(SERVER_LOG);
  child.stderr?.on("data", (chunk: Buffer) => {
    serverLog.write(chunk);
    stderr = (stderr + chunk.toString()).slice(-4000);
  });
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((resolve) => child.once("exit", resolve));
      child.kill("SIGTERM");
      const timer = setTimeout(() => child.kill("SIGKILL"), 10_000);
      await exited;
      clearTimeout(timer);
    }
    serverLog.end();
  };
  try {
    await waitForHealth(baseUrl, child, () => stderr);
  } catch (error) {
    await stop();
    throw error;
  }
  return { baseUrl, stop, secret };
}
