// Which failures mean "the database cannot answer right now" (restarting, unreachable,
// connections killed, too slow, a lock held too long) rather than a bug: those requests
// are answered 503 with Retry-After (scripts/server-preload.mjs), every other error
// stays a 500. The shapes were taken from real failures against PostgreSQL through
// Prisma's pg adapter (lib/operations/database-unavailable.test.ts).

/** Prisma: can't reach, timed out, server closed the connection, pool timeout, transaction could not start or timed out. */
const PRISMA_CODES = new Set(["P1001", "P1002", "P1008", "P1017", "P2024", "P2028"]);
/** The pg adapter's kinds of driver error that are about the connection, not the query. */
const ADAPTER_KINDS = new Set([
  "DatabaseNotReachable",
  "DatabaseUnavailable",
  "ConnectionClosed",
  "SocketTimeout",
  "TooManyConnections",
  "TransactionAlreadyClosed",
]);
/**
 * SQLSTATEs: class 08 (connection exception), 53 (insufficient resources: too many
 * connections, out of memory), 57P01-57P03 (administrator shutdown, crash shutdown,
 * cannot connect now — a restart), 57014 (statement_timeout), 55P03 (lock_timeout).
 */
function isUnavailableSqlState(code: string): boolean {
  return (
    code.startsWith("08") ||
    code.startsWith("53") ||
    ["57P01", "57P02", "57P03", "57014", "55P03"].includes(code)
  );
}
const NODE_CODES = new Set(["ECONNREFUSED", "ECONNRESET", "EPIPE", "ETIMEDOUT", "EHOSTUNREACH"]);
const MESSAGES =
  /timeout exceeded when trying to connect|Connection terminated|Client has encountered a connection error|Can't reach database server|the database system is (starting up|shutting down|in recovery)/i;

type Inspectable = {
  code?: unknown;
  kind?: unknown;
  message?: unknown;
  cause?: unknown;
  meta?: { driverAdapterError?: unknown };
  errors?: unknown;
};

export function isDatabaseUnavailable(error: unknown, depth = 0): boolean {
  if (depth > 6 || error === null || typeof error !== "object") return false;
  const candidate = error as Inspectable;
  const code = typeof candidate.code === "string" ? candidate.code : "";
  if (PRISMA_CODES.has(code) || NODE_CODES.has(code)) return true;
  if (typeof candidate.kind === "string") {
    if (ADAPTER_KINDS.has(candidate.kind)) return true;
    if (candidate.kind === "postgres" && isUnavailableSqlState(code)) return true;
  }
  if (/^[0-9A-Z]{5}$/.test(code) && isUnavailableSqlState(code)) return true;
  if (typeof candidate.message === "string" && MESSAGES.test(candidate.message)) return true;
  const nested = [
    candidate.cause,
    candidate.meta?.driverAdapterError,
    ...(Array.isArray(candidate.errors) ? candidate.errors : []),
  ];
  return nested.some((inner) => isDatabaseUnavailable(inner, depth + 1));
}

/** Seconds a client should wait before retrying a request the database could not answer. */
export const UNAVAILABLE_RETRY_AFTER_SECONDS = 5;
