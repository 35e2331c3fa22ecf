// Structured request logs for the production server, preloaded with
// `node --import ./scripts/request-log.mjs server.js`.
//
// One JSON line per request on stdout. Deliberately logged: method, pathname, status,
// duration and a request id. Never logged: the query string, headers, bodies, client
// addresses — anything that can carry personal data or a token (PRODUCT.md §7).
import { randomUUID } from "node:crypto";
import diagnosticsChannel from "node:diagnostics_channel";

const LEVELS = { debug: 10, info: 20, warn: 30, error: 40, silent: 100 };
const configuredLevel = LEVELS[(process.env.LOG_LEVEL ?? "info").toLowerCase()] ?? LEVELS.info;

// An upstream proxy's id is reused only when it cannot smuggle anything into a log line.
const SAFE_REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;
const SKIPPED_PREFIXES = ["/_next/static/"];

/** @type {WeakMap<import("node:http").IncomingMessage, { id: string, startedAt: bigint, logged: boolean }>} */
const inFlight = new WeakMap();

function pathnameOf(url) {
  if (typeof url !== "string" || url.length === 0) return "/";
  const end = url.search(/[?#]/);
  const path = end === -1 ? url : url.slice(0, end);
  return path.length > 512 ? `${path.slice(0, 512)}…` : path;
}

function requestIdFrom(request) {
  const incoming = request.headers["x-request-id"];
  return typeof incoming === "string" && SAFE_REQUEST_ID.test(incoming) ? incoming : randomUUID();
}

function write(request, response, extra) {
  const entry = inFlight.get(request);
  if (!entry || entry.logged) return;
  entry.logged = true;
  const durationMs = Number(process.hrtime.bigint() - entry.startedAt) / 1e6;
  process.stdout.write(
    `${JSON.stringify({
      level: "info",
      msg: "request",
      request_id: entry.id,
      method: request.method,
      route: pathnameOf(request.url),
      status: response.statusCode,
      duration_ms: Math.round(durationMs * 10) / 10,
      ...extra,
      time: new Date().toISOString(),
    })}\n`,
  );
}

function onRequestStart({ request, response }) {
  const route = pathnameOf(request.url);
  const id = requestIdFrom(request);
  // Let the app read the same id (headers().get("x-request-id")) for its own log lines.
  request.headers["x-request-id"] = id;
  if (!response.headersSent) response.setHeader("x-request-id", id);
  // The peer's address, for rate limits (lib/http/client-address.ts). Overwritten, never
  // taken from the client; it stays in memory and is not logged.
  request.headers["x-client-address"] = request.socket?.remoteAddress ?? "unknown";

  if (configuredLevel > LEVELS.info) return;
  if (SKIPPED_PREFIXES.some((prefix) => route.startsWith(prefix))) return;

  inFlight.set(request, { id, startedAt: process.hrtime.bigint(), logged: false });
  // A client that disconnects early never reaches "finish"; still account for it.
  response.once("close", () => {
    if (!response.writableFinished) write(request, response, { aborted: true });
  });
}

function onResponseFinish({ request, response }) {
  write(request, response, {});
}

diagnosticsChannel.subscribe("http.server.request.start", onRequestStart);
diagnosticsChannel.subscribe("http.server.response.finish", onResponseFinish);
