import { isDatabaseUnavailable } from "@/lib/operations/database-unavailable";
import { log } from "@/lib/operations/log";
import { serverRuntime } from "@/lib/operations/server-runtime";

type RequestInfo = { path: string; method: string; headers: Record<string, unknown> };

/**
 * Next's onRequestError (instrumentation.ts): a request that failed because the database
 * could not answer is marked, and the preload answers it 503 with Retry-After instead of
 * 500. Logged by request id and error class only: an error's message may quote input.
 */
export function noteRequestError(error: unknown, request: RequestInfo): void {
  const id = request.headers["x-request-id"];
  const unavailable = isDatabaseUnavailable(error);
  if (unavailable && typeof id === "string") serverRuntime().unavailableRequests.add(id);
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
