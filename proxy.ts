import { NextResponse, type NextRequest } from "next/server";
import { config as appConfig } from "@/lib/config";
import { signInUrl } from "@/web/http/app-url";
import { hostileRequestResponse } from "@/web/http/request-guards";
import { contentSecurityPolicy, newNonce, permissionsPolicy } from "@/web/http/security-headers";

// next-auth's session cookie names (the __Secure- one is used over https).
const SESSION_COOKIES = ["next-auth.session-token", "__Secure-next-auth.session-token"];

const isProtected = (pathname: string) =>
  ["/staff", "/admin"].some((area) => pathname === area || pathname.startsWith(`${area}/`));

/**
 * Runs before every page and route handler:
 * - refuses requests Next itself would answer with a 500 (web/http/request-guards.ts);
 * - gives the request a fresh CSP nonce, which Next reads from the request's
 *   Content-Security-Policy header and puts on its scripts (pages therefore render
 *   per request; they all read the session or the locale cookie anyway);
 * - sends a browser without any session cookie to sign in before a staff or admin page
 *   renders. It only looks for the cookie; every page, server action and route handler
 *   still checks the user and the role itself (web/auth/guards.ts).
 */
export function proxy(request: NextRequest) {
  // Undecodable paths and cross-origin server actions: a 4xx here, where Next would 500.
  const refused = hostileRequestResponse(request);
  if (refused) return refused;
  const { pathname, search } = request.nextUrl;
  const nonce = newNonce();
  const csp = contentSecurityPolicy({
    nonce,
    posterOrigin: appConfig().POSTER_ORIGIN,
    development: process.env.NODE_ENV === "development",
  });

  let response: NextResponse;
  if (isProtected(pathname) && !SESSION_COOKIES.some((name) => request.cookies.has(name))) {
    // From APP_URL: request.url names the address the server listens on (0.0.0.0:3000).
    response = NextResponse.redirect(signInUrl(`${pathname}${search}`));
  } else {
    const headers = new Headers(request.headers);
    headers.set("x-nonce", nonce);
    headers.set("Content-Security-Policy", csp);
    response = NextResponse.next({ request: { headers } });
  }
  response.headers.set("Content-Security-Policy", csp);
  response.headers.set("Permissions-Policy", permissionsPolicy(pathname));
  return response;
}

export const config = {
  // Everything but build assets, which carry no document.
  matcher: ["/((?!_next/static|_next/image|favicon.ico|icon.svg).*)"],
};
