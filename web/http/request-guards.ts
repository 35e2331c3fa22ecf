/**
 * Checks that must run before Next routes a request (in proxy.ts), for two kinds of
 * request Next itself answers with a 500:
 * - a path that is not valid percent-encoded UTF-8 (`/shows/%FF`): Next fails to decode
 *   the route params;
 * - a server action posted from another origin: Next aborts it ("Invalid Server Actions
 *   request") with a 500.
 * Both are the client's fault and get a 4xx with a JSON problem body. No Node-only APIs:
 * the proxy may run on the edge runtime.
 */

function problemResponse(httpStatus: number, status: string, detail: string): Response {
  return new Response(JSON.stringify({ status, detail }), {
    status: httpStatus,
    headers: { "content-type": "application/json", "cache-control": "no-store" },
  });
}

/** True when every segment of the raw (still encoded) path decodes as UTF-8. */
export function isDecodablePath(rawPathname: string): boolean {
  try {
    for (const segment of rawPathname.split("/")) decodeURIComponent(segment);
    return true;
  } catch {
    return false;
  }
}

/** The raw path of a request URL, before any decoding. */
function rawPathname(url: string): string {
  const afterScheme = url.indexOf("//");
  const pathStart = url.indexOf("/", afterScheme === -1 ? 0 : afterScheme + 2);
  if (pathStart === -1) return "/";
  const end = url.slice(pathStart).search(/[?#]/);
  return end === -1 ? url.slice(pathStart) : url.slice(pathStart, pathStart + end);
}

/**
 * What Next treats as a server action: a POST with the `Next-Action` header (called from
 * JavaScript) or a form post (before hydration). Route handlers under /api check their
 * own origin (web/http/same-origin.ts) and next-auth's callback is a form post there.
 */
function isPossibleServerAction(request: Request, pathname: string): boolean {
  if (request.method !== "POST" || pathname.startsWith("/api/")) return false;
  if (request.headers.has("next-action")) return true;
  const contentType = request.headers.get("content-type") ?? "";
  return /^(multipart\/form-data|application\/x-www-form-urlencoded)\b/i.test(contentType);
}

/**
 * The same comparison Next makes before running an action (origin host against
 * `x-forwarded-host`, else `host`), made first so that a refusal is a 403 and not Next's
 * 500. A request without Origin passes, as in Next: it is no browser carrying a victim's
 * cookies.
 */
function isCrossOriginAction(request: Request): boolean {
  const origin = request.headers.get("origin");
  if (origin === null) return false;
  let originHost: string;
  try {
    originHost = origin === "null" ? "null" : new URL(origin).host;
  } catch {
    return true;
  }
  const forwarded = request.headers.get("x-forwarded-host")?.split(",")[0]?.trim();
  const host = forwarded || request.headers.get("host");
  return !host || originHost !== host;
}

/** A 4xx for a request Next would answer with a 500, or null to let it through. */
export function hostileRequestResponse(request: Request): Response | null {
  const pathname = rawPathname(request.url);
  if (!isDecodablePath(pathname))
    return problemResponse(400, "malformed_path", "The path is not valid percent-encoded UTF-8.");
  if (isPossibleServerAction(request, pathname) && isCrossOriginAction(request))
    return problemResponse(403, "cross_site_request", "Cross-site requests are not accepted.");
  return null;
}
