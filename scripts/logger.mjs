// One shape for every log line on stdout, the server's request lines
// (scripts/server-preload.mjs) and the app's (lib/operations/log.ts):
// {"level":"info","time":"…","msg":"…", …}. Plain JavaScript, because the preload runs
// before Next, outside its bundle.
import pino from "pino";

/** A logger at LOG_LEVEL (default info), writing to stdout. */
export function createLogger() {
  return pino(
    {
      level: (process.env.LOG_LEVEL ?? "info").toLowerCase(),
      base: undefined,
      messageKey: "msg",
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      // Belt and braces: none of these is ever passed to a log call.
      redact: {
        paths: ["email", "name", "phone", "token", "password", "authorization", "cookie"],
        remove: true,
      },
    },
    // Synchronous writes, as Node's own stdout on a pipe: with pino's default asynchronous
    // stream, a line still being written when process.exit ran came out after "stopped" (or
    // not at all) on a busy host. One write syscall per line costs a few microseconds.
    pino.destination({ dest: 1, sync: true }),
  );
}
