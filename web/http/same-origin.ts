import "server-only";

import { problem } from "@/web/http/api-response";
import { ownOrigins } from "@/web/http/app-url";

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
    if (!ownOrigins(request.headers).has(origin)) return forbidden();
  } else if (origin === "null") {
    return forbidden();
  }
  return null;
}

function forbidden() {
  return problem(403, "cross_site_request", "Cross-site requests are not accepted.");
}
