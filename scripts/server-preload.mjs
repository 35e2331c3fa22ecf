// Preloaded into the production server: `node --import ./scripts/server-preload.mjs server.js`
// (scripts/start.mjs, the Dockerfile, the bench and the soak). Node loads it before Next,
// so it sees every request and owns the process's lifecycle:
//
// - request logs: one JSON line per request through pino (method, path, route, status,
//   duration, request id). Never logged: the query string, headers, bodies, client
//   addresses — anything that can carry personal data or a token (PRODUCT.md §7);
// - request metrics for GET /api/metrics (prom-client: counts and latency by route and
//   status, requests in flight, the process's CPU, memory and event loop);
// - a request that failed because the database could not answer (marked by
//   instrumentation.ts's onRequestError) is answered 503 with Retry-After, not 500;
// - graceful shutdown on SIGTERM/SIGINT: stop accepting connections, let in-flight
//   requests finish, then run the app's shutdown hooks (the job runner finishes its
//   running jobs, then the database pool closes) and exit 0 — within SHUTDOWN_TIMEOUT_MS,
//   else exit 1.
//
// The app reaches the same state through `globalThis` (lib/operations/server-runtime.ts).
import { randomUUID } from "node:crypto";
import diagnosticsChannel from "node:diagnostics_channel";
import http from "node:http";
import client from "prom-client";
import { createLogger } from "./logger.mjs";
import { pathnameOf, routeLabel } from "./route-label.mjs";

// Next's own SIGTERM handler closes the server and exits 143 at once, without waiting for
// the job runner or closing the pool: we handle the signals instead.
process.env.NEXT_MANUAL_SIG_HANDLE = "true";

const RUNTIME_KEY = Symbol.for("azionelab.server-runtime");
const runtime = (globalThis[RUNTIME_KEY] ??= {
  registry: new client.Registry(),
  shutdownHooks: [],
  shuttingDown: false,
  unavailableRequests: new Set(),
  unavailablePaths: new Map(),
  managedShutdown: false,
});
runtime.unavailablePaths ??= new Map();
runtime.managedShutdown = true;

const RETRY_AFTER_SECONDS = "5";
// How long a path whose render just failed on an unavailable database stays marked, for
// the requests that shared that render (see wrapWriteHead).
const SHARED_RENDER_WINDOW_MS = 5000;
const SHUTDOWN_TIMEOUT_MS = Number(process.env.SHUTDOWN_TIMEOUT_MS) || 25_000;

export const logger = createLogger();

// ----- metrics ---------------------------------------------------------------------------

const registry = runtime.registry;
client.collectDefaultMetrics({ register: registry });
const METHODS = new Set(["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"]);
const labelNames = ["method", "route", "status"];
const requestsTotal = new client.Counter({
  name: "http_requests_total",
  help: "HTTP requests answered, by method, route and status",
  labelNames,
  registers: [registry],
});
const requestDuration = new client.Histogram({
  name: "http_request_duration_seconds",
  help: "HTTP request duration from its first byte to the end of the response",
  labelNames,
  buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
  registers: [registry],
});
let inFlight = 0;
new client.Gauge({
  name: "http_requests_in_flight",
  help: "HTTP requests being answered now",
  registers: [registry],
  collect() {
    this.set(inFlight);
  },
});

// ----- requests --------------------------------------------------------------------------

// An upstream proxy's id is reused only when it cannot smuggle anything into a log line.
const SAFE_REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;
const UNLOGGED_PREFIXES = ["/_next/static/"];

function requestIdFrom(request) {
  const incoming = request.headers["x-request-id"];
  return typeof incoming === "string" && SAFE_REQUEST_ID.test(incoming) ? incoming : randomUUID();
}

/**
 * Whether a request failed because the database could not answer: marked by its id
 * (instrumentation.ts's onRequestError, during the render), or — a cached page — it
 * shared another request's render whose failure was marked for the same path. Next's
 * response cache hands one render's result to every request that asked for the page
 * meanwhile, and reports the error to onRequestError for each of them without awaiting
 * it, so the followers' status goes out before their own report arrives: without the
 * path they would answer 500 during an outage.
 */
function failedOnUnavailableDatabase(id, path) {
  if (runtime.unavailableRequests.delete(id)) return true;
  const markedAt = runtime.unavailablePaths.get(path);
  if (markedAt === undefined) return false;
  if (Date.now() - markedAt <= SHARED_RENDER_WINDOW_MS) return true;
  runtime.unavailablePaths.delete(path);
  return false;
}

/** 503 + Retry-After for a request that failed on an unavailable database; `Connection: close` while stopping. */
function wrapWriteHead(response, id, path) {
  const writeHead = response.writeHead;
  response.writeHead = function (statusCode, ...rest) {
    let status = statusCode;
    if (status >= 500 && failedOnUnavailableDatabase(id, path)) {
      status = 503;
      if (typeof rest[0] === "string") rest[0] = "Service Unavailable";
      this.setHeader("Retry-After", RETRY_AFTER_SECONDS);
      this.setHeader("Cache-Control", "no-store");
    }
    if (runtime.shuttingDown) this.setHeader("Connection", "close");
    return writeHead.call(this, status, ...rest);
  };
}

function onRequestStart({ request, response }) {
  const id = requestIdFrom(request);
  // Let the app read the same id (headers().get("x-request-id")) for its own log lines.
  request.headers["x-request-id"] = id;
  if (!response.headersSent) response.setHeader("x-request-id", id);
  // The peer's address, for rate limits (web/http/client-address.ts). Overwritten, never
  // taken from the client; it stays in memory and is not logged.
  request.headers["x-client-address"] = request.socket?.remoteAddress ?? "unknown";
  // The path as the client asked for it (before any rewrite), for onRequestError's marks.
  const path = pathnameOf(request.url);
  request.headers["x-request-path"] = path;
  wrapWriteHead(response, id, path);

  const startedAt = process.hrtime.bigint();
  inFlight += 1;
  response.once("close", () => {
    inFlight -= 1;
    runtime.unavailableRequests.delete(id);
    const seconds = Number(process.hrtime.bigint() - startedAt) / 1e9;
    const status = response.statusCode;
    const labels = {
      method: METHODS.has(request.method) ? request.method : "OTHER",
      route: routeLabel(path, status),
      status: String(status),
    };
    requestsTotal.inc(labels);
    requestDuration.observe(labels, seconds);
    if (UNLOGGED_PREFIXES.some((prefix) => path.startsWith(prefix))) return;
    logger.info(
      {
        request_id: id,
        method: request.method,
        path,
        route: labels.route,
        status,
        duration_ms: Math.round(seconds * 10_000) / 10,
        // A client that disconnected before the end of the response.
        ...(response.writableFinished ? {} : { aborted: true }),
      },
      "request",
    );
  });
}

diagnosticsChannel.subscribe("http.server.request.start", onRequestStart);

// ----- graceful shutdown -----------------------------------------------------------------

const servers = new Set();
const listen = http.Server.prototype.listen;
http.Server.prototype.listen = function (...args) {
  servers.add(this);
  return listen.apply(this, args);
};

function withDeadline(promise, deadline) {
  return Promise.race([
    promise.then(() => true),
    new Promise((resolve) => setTimeout(() => resolve(false), Math.max(0, deadline - Date.now()))),
  ]);
}

async function shutdown(signal) {
  if (runtime.shuttingDown) return;
  runtime.shuttingDown = true;
  const deadline = Date.now() + SHUTDOWN_TIMEOUT_MS;
  logger.info({ signal, in_flight: inFlight }, "shutting down");

  // Stop accepting; idle keep-alive connections close now, busy ones after their response
  // (which carries Connection: close).
  const closed = Promise.all(
    [...servers].map((server) => new Promise((resolve) => server.close(() => resolve()))),
  );
  const sweep = setInterval(() => {
    for (const server of servers) server.closeIdleConnections?.();
  }, 50);
  for (const server of servers) server.closeIdleConnections?.();
  let clean = await withDeadline(closed, deadline);
  clearInterval(sweep);
  if (!clean)
    logger.warn({ in_flight: inFlight }, "requests still running at the shutdown deadline");

  const hooks = [...runtime.shutdownHooks].sort((a, b) => a.order - b.order);
  for (const hook of hooks) {
    const done = await withDeadline(
      hook.run().catch((error) => {
        logger.error(
          { hook: hook.name, error: String(error?.message ?? error) },
          "shutdown step failed",
        );
      }),
      deadline,
    );
    if (!done) {
      clean = false;
      logger.warn({ step: hook.name }, "shutdown step did not finish before the deadline");
    } else logger.info({ step: hook.name }, "shutdown step done");
  }
  logger.info({ clean }, "stopped");
  process.exit(clean ? 0 : 1);
}

for (const signal of ["SIGTERM", "SIGINT"]) process.on(signal, () => void shutdown(signal));
