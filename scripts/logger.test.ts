import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import { expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "..");

// A process that logs from two loggers (as the server's and the app's) while libuv's
// thread pool is busy, then exits at once, as the graceful shutdown does after "stopped".
// With pino's default asynchronous stream the last lines came out of order or not at all.
const child = `
import crypto from "node:crypto";
import { createLogger } from ${JSON.stringify(path.join(root, "scripts/logger.mjs"))};
const logger = createLogger();
const log = createLogger();
for (let i = 0; i < 4; i++) crypto.pbkdf2("x", "y", 300000, 64, "sha512", () => {});
await new Promise((resolve) => setTimeout(resolve, 5));
for (let i = 0; i < 5; i++) {
  logger.info({ i }, "server line");
  await new Promise((resolve) => setImmediate(resolve));
  log.info({ i }, "app line");
}
logger.info("stopped");
process.exit(0);
`;

it("log lines reach stdout in the order they were written, the last one too, when the process exits at once", async () => {
  const { stdout } = await promisify(execFile)(
    process.execPath,
    ["--input-type=module", "--no-warnings", "-e", child],
    { cwd: root, env: { PATH: process.env.PATH, NODE_ENV: "test", LOG_LEVEL: "info" } },
  );
  const lines = stdout
    .trim()
    .split("\n")
    .map((line) => JSON.parse(line) as { msg: string; i?: number });
  expect(lines.map((line) => `${line.msg}${line.i ?? ""}`)).toEqual([
    ...Array.from({ length: 5 }, (_, i) => [`server line${i}`, `app line${i}`]).flat(),
    "stopped",
  ]);
});
