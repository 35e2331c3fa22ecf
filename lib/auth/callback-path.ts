import type { UserRole } from "@/lib/generated/prisma/enums";

/** Where each role lands after signing in when no (acceptable) destination was asked for. */
export const ROLE_HOME: Record<UserRole, string> = {
  ADMIN: "/admin",
  STAFF: "/staff/check-in",
};

// Any origin would do: it only anchors relative paths. `.invalid` can never be a real host.
const ANCHOR = "https://azionelab.invalid";

/**
 * The path `value` leads to on this site, or null when it leads anywhere else.
 *
 * The check runs on what a browser would do with it, not on the raw text: the WHATWG URL
 * parser (the browser's) drops tabs and newlines, turns `\` into `/` and reads `//host` as
 * another host, so `/\t/evil.example` becomes `//evil.example`. We resolve the value the
 * same way and keep it only if it stays on our origin; the result is the parser's own
 * serialisation (percent-encoded, no control characters), safe for a Location header.
 */
export function sameOriginPath(value: unknown): string | null {
  if (typeof value !== "string" || value.length === 0 || value.length > 2048) return null;
  // A relative reference with no leading slash ("admin", "?x") would resolve against the
  // current page, which the caller does not know.
  if (!value.startsWith("/")) return null;
  let url: URL;
  try {
    url = new URL(value, ANCHOR);
  } catch {
    return null;
  }
  if (url.origin !== ANCHOR) return null;
  const path = `${url.pathname}${url.search}${url.hash}`;
  // Belt and braces: what we hand back must itself read as a same-origin path.
  if (!path.startsWith("/") || path.startsWith("//") || /[\\\u0000-\u001f\u007f]/.test(path))
    return null;
  return path;
}

/**
 * Where to send `role` after signing in: the requested path when it stays on this site and
 * the role may open it, otherwise the role's home. Never the sign-in page or the API.
 */
export function safeCallbackPath(value: unknown, role: UserRole): string {
  const path = sameOriginPath(value);
  if (!path) return ROLE_HOME[role];
  const pathname = path.split(/[?#]/, 1)[0];
  if (
    pathname === "/login" ||
    pathname.startsWith("/login/") ||
    pathname === "/api" ||
    pathname.startsWith("/api/")
  )
    return ROLE_HOME[role];
  if (role !== "ADMIN" && (pathname === "/admin" || pathname.startsWith("/admin/")))
    return ROLE_HOME[role];
  return path;
}
