import "server-only";

import { config } from "@/lib/config";
import { problem } from "@/web/http/api-response";

/**
 * Next.js protects server actions from cross-site posts but not route handlers. A
 * browser tells us where a request comes from (Sec-Fetch-Site, Origin); a request from
 * another site is refused. Clients that send neither (curl, the app's own tests) are not
 * browsers carrying a victim's cookies, so they pass.
 */
export function crossSiteRefusal(request: Request) {
  const fetchSite = request.headers.get("sec-fetch-site");
  if (fetchSite && fetchSite !== "same-origin" && fetchSite !== "none") return forbidden();
  const origin = request.headers.get("origin");
  if (origin && origin !== "null") {
    const allowed = new Set([new URL(config().APP_URL).origin, new URL(request.url).origin]);
    const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host");
    if (host) allowed.add(`${new URL(request.url).protocol}//${host}`);
    if (!allowed.has(origin)) return forbidden();
  } else if (origin === "null") {
    return forbidden();
  }
  return null;
}

function forbidden() {
  return problem(403, "cross_site_request", "Cross-site requests are not accepted.");
}
