import { isDatabaseUnavailable } from "@/lib/operations/database-unavailable";
import { log } from "@/lib/operations/log";
import { serverRuntime } from "@/lib/operations/server-runtime";

const MAX_MARKED_PATHS = 200;

/** The path of a request URL without its query, as the preload's `pathnameOf` has it. */
function pathOf(url: string): string {
  const end = url.search(/[?#]/);
  const path = end === -1 ? url : url.slice(0, end);
  return path.length > 512 ? `${path.slice(0, 512)}…` : path;
}

type RequestInfo = { path: string; method: string; headers: Record<string, unknown> };

/**
 * Next's onRequestError (instrumentation.ts): a request that failed because the database
 * could not answer is marked, and the preload answers it 503 with Retry-After instead of
 * 500. Logged by request id and error class only: an error's message may quote input.
 */
export function noteRequestError(error: unknown, request: RequestInfo): void {
  const id = request.headers["x-request-id"];
  const unavailable = isDatabaseUnavailable(error);
  if (unavailable) {
    const runtime = serverRuntime();
    if (typeof id === "string") runtime.unavailableRequests.add(id);
    // Other requests may share this render (a cached page): they are marked by path.
    const asked = request.headers["x-request-path"];
    const path = typeof asked === "string" ? asked : pathOf(request.path);
    runtime.unavailablePaths.delete(path);
    runtime.unavailablePaths.set(path, Date.now());
    // Bounded: the oldest marks go first (a Map keeps insertion order).
    for (const oldest of runtime.unavailablePaths.keys()) {
      if (runtime.unavailablePaths.size <= MAX_MARKED_PATHS) break;
      runtime.unavailablePaths.delete(oldest);
    }
  }
  const code = (error as { code?: unknown } | null)?.code;
  log[unavailable ? "warn" : "error"](
    {
      request_id: typeof id === "string" ? id : undefined,
      method: request.method,
      error: error instanceof Error ? error.name : typeof error,
      code: typeof code === "string" ? code : undefined,
    },
    unavailable ? "database unavailable" : "request failed",
  );
}
