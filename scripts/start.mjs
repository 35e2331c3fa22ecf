// Production server (`npm start`): runs Next's standalone build with the preload of
// scripts/server-preload.mjs (JSON request logs, metrics, graceful shutdown).
//
// `next build` with `output: "standalone"` leaves the static assets and `public/` outside
// `.next/standalone`; the standalone server only serves them once they are copied in
// (what the Dockerfile does at image build time). We copy them here when they are missing
// or belong to an older build, then run the server in a child process, forwarding signals
// and the exit code.
//
// The configuration is validated first (lib/config.ts, the same check the server runs at
// start-up): a refused configuration stops here, before Next prints "Ready" and before it
// listens on a port.
//
// Usage: node scripts/start.mjs   (PORT defaults to 3000, HOSTNAME to 0.0.0.0)
import { spawn } from "node:child_process";
import { cpSync, existsSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { tsImport } from "tsx/esm/api";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const nextDir = path.join(root, ".next");
const standaloneDir = path.join(nextDir, "standalone");
const serverFile = path.join(standaloneDir, "server.js");
const preload = path.join(root, "scripts", "server-preload.mjs");

function fail(message) {
  console.error(JSON.stringify({ level: "error", msg: message, time: new Date().toISOString() }));
  process.exit(1);
}

function readBuildId(dir) {
  try {
    return readFileSync(path.join(dir, "BUILD_ID"), "utf8").trim();
  } catch {
    return null;
  }
}

/** Copies `.next/static` and `public/` into the standalone tree unless already done for this build. */
export function prepareStandalone() {
  if (!existsSync(serverFile)) {
    fail(`${path.relative(root, serverFile)} is missing: run \`npm run build\` first.`);
  }
  const buildId = readBuildId(nextDir);
  const marker = path.join(standaloneDir, ".assets-build-id");
  const copiedFor = existsSync(marker) ? readFileSync(marker, "utf8").trim() : null;
  if (buildId !== null && copiedFor === buildId) return;

  const targets = [
    [path.join(nextDir, "static"), path.join(standaloneDir, ".next", "static")],
    [path.join(root, "public"), path.join(standaloneDir, "public")],
  ];
  for (const [from, to] of targets) {
    rmSync(to, { recursive: true, force: true });
    if (existsSync(from)) cpSync(from, to, { recursive: true });
  }
  if (buildId !== null) writeFileSync(marker, `${buildId}\n`);
}

function serverEnv(env) {
  return {
    ...env,
    NODE_ENV: "production",
    PORT: env.PORT || "3000",
    HOSTNAME: env.HOSTNAME || "0.0.0.0",
    // Node closes an idle keep-alive connection after 5 s; a client or reverse proxy that
    // reuses it at that moment gets ECONNRESET (the e2e suite saw it). Longer than the
    // usual proxies' idle timeouts (60 s), so they close first.
    KEEP_ALIVE_TIMEOUT: env.KEEP_ALIVE_TIMEOUT || "65000",
  };
}

/** The production configuration's problems as one message, or null when it is valid. */
export async function configurationProblem(env = process.env) {
  const { parseConfig } = await tsImport("../lib/config.ts", import.meta.url);
  const { NEXT_PHASE: _buildPhase, ...runtimeEnv } = serverEnv(env);
  try {
    parseConfig(runtimeEnv);
    return null;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

/** Starts the standalone server; resolves with its exit code. */
export function startServer({ env = process.env, stdio = "inherit" } = {}) {
  prepareStandalone();
  // Public pages rendered by an earlier process (time-revalidated, app/[locale]) may come
  // from another database or APP_URL: start with an empty page cache.
  rmSync(path.join(standaloneDir, ".next", "server", "route-cache"), {
    recursive: true,
    force: true,
  });
  const child = spawn(process.execPath, ["--import", preload, serverFile], {
    cwd: standaloneDir,
    stdio,
    env: serverEnv(env),
  });
  return child;
}

async function main() {
  const problem = await configurationProblem();
  if (problem) fail(problem);
  const child = startServer();
  const forward = (signal) => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
  };
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"]) process.on(signal, () => forward(signal));
  child.on("error", (error) => fail(`could not start the server: ${error.message}`));
  child.on("exit", (code, signal) => {
    if (signal) {
      // Re-raise so our parent sees the same kind of termination.
      process.removeAllListeners(signal);
      process.kill(process.pid, signal);
      return;
    }
    process.exit(code ?? 1);
  });
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await main();
}
