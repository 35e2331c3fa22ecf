// The `route` of a request in logs and metrics: its path with the variable parts named
// (`/shows/:slug/:id`, `/api/performances/:id/reservations`), so that a metric has one
// series per route rather than per URL. Unknown paths (404) share one label, so a
// scanner cannot create new series. Never the query string.

const FIXED_TOP_LEVEL = new Set([
  "api",
  "shows",
  "admin",
  "staff",
  "login",
  "confirm",
  "ticket",
  "lost-ticket",
  "dev",
  "sitemap.xml",
  "robots.txt",
  "icon.svg",
  "favicon.ico",
]);
const WORD = /^[a-z][a-z0-9-]{0,39}$/;
const MAX_SEGMENTS = 6;

/** The path of a request URL, without query or fragment. */
export function pathnameOf(url) {
  if (typeof url !== "string" || url.length === 0) return "/";
  const end = url.search(/[?#]/);
  const path = end === -1 ? url : url.slice(0, end);
  return path.length > 512 ? `${path.slice(0, 512)}…` : path;
}

/** The route label of `pathname` answered with `status`. */
export function routeLabel(pathname, status) {
  if (status === 404) return "(unmatched)";
  if (pathname.startsWith("/_next/")) return "/_next";
  const segments = pathname.split("/").filter((segment) => segment !== "");
  const out = [];
  if (segments[0] === "en") out.push(segments.shift());
  if (segments.length === 0) return out.length ? `/${out.join("/")}` : "/";
  if (!FIXED_TOP_LEVEL.has(segments[0])) return `/${[...out, ":page"].join("/")}`;
  for (const [index, segment] of segments.slice(0, MAX_SEGMENTS).entries()) {
    const isSlug =
      (segments[0] === "shows" && index === 1) ||
      (segments[0] === "api" && segments[1] === "shows" && index === 2);
    if (/^\d+$/.test(segment)) out.push(":id");
    else if (isSlug) out.push(":slug");
    else if (WORD.test(segment) || FIXED_TOP_LEVEL.has(segment)) out.push(segment);
    else out.push(":param");
  }
  if (segments.length > MAX_SEGMENTS) out.push("…");
  return `/${out.join("/")}`;
}
