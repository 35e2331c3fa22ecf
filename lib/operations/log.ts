// The app's log lines: JSON through pino, in the same shape as the request lines of
// scripts/server-preload.mjs ({"level":"info","time":"…","msg":"…", …}) on stdout.
// Never pass personal data or secrets (names, emails, phones, tokens, passwords):
// identify things by id and reason code. The listed keys are removed as a safeguard.
import pino from "pino";

export const log = pino({
  level: (process.env.LOG_LEVEL ?? "info").toLowerCase(),
  base: undefined,
  timestamp: pino.stdTimeFunctions.isoTime,
  formatters: { level: (label) => ({ level: label }) },
  redact: {
    paths: ["email", "name", "phone", "token", "password", "authorization", "cookie"],
    remove: true,
  },
});
