// Runs a command with DATABASE_URL set. When it is unset (a newcomer's machine, the
// tests), starts the embedded PostgreSQL under .data/ first and stops it afterwards; in
// production (NODE_ENV=production) or without the dev dependency it stops with a message.
import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";

/**
 * Starts scripts/embedded-server.ts detached (its own process group, so the terminal's
 * Ctrl-C does not reach PostgreSQL) and returns its URL and a stop function.
 */
async function startDetachedEmbedded(): Promise<{ url: string; stop: () => Promise<void> }> {
  const server = spawn(
    process.execPath,
    [...process.execArgv, fileURLToPath(new URL("./embedded-server.ts", import.meta.url))],
    { detached: true, stdio: ["ignore", "inherit", "inherit", "ipc"] },
  );
  const first = await new Promise<{ url?: string; error?: string }>((resolve) => {
    server.once("message", (message) => resolve(message as { url?: string; error?: string }));
    server.once("exit", () => resolve({ error: "The embedded PostgreSQL could not start." }));
  });
  if (!first.url) {
    console.error(first.error);
    process.exit(1);
  }
  const exited = new Promise<void>((resolve) => server.once("exit", () => resolve()));
  return {
    url: first.url,
    stop: async () => {
      if (server.connected) server.send("stop");
      await exited;
    },
  };
}

const [command, ...args] = process.argv.slice(2);
if (!command) {
  console.error("usage: tsx scripts/with-db.ts <command> [args...]");
  process.exit(2);
}

// Next.js asks to send anonymous telemetry; this project never does.
process.env.NEXT_TELEMETRY_DISABLED ??= "1";

let stop = async () => {};
if (!process.env.DATABASE_URL) {
  const embedded = await startDetachedEmbedded();
  process.env.DATABASE_URL = embedded.url;
  stop = embedded.stop;
  console.error(
    `Using the embedded PostgreSQL (${embedded.url.replace(/:[^:@/]*@/, ":***@")}); set DATABASE_URL to use another server.`,
  );
}

const child = spawn(command, args, { stdio: "inherit", env: process.env });
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => child.kill(signal));
}
child.on("exit", async (code, signal) => {
  await stop();
  process.exit(code ?? (signal ? 1 : 0));
});
