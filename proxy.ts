import { NextResponse, type NextRequest } from "next/server";
import createIntlMiddleware from "next-intl/middleware";
import { config as appConfig } from "@/lib/config";
import { signInUrl } from "@/web/http/app-url";
import { BARE_PAGE, isCachedPublicPage } from "@/web/http/cached-pages";
import { hostileRequestResponse } from "@/web/http/request-guards";
import {
  API_CONTENT_SECURITY_POLICY,
  cachedPageContentSecurityPolicy,
  contentSecurityPolicy,
  newNonce,
  permissionsPolicy,
} from "@/web/http/security-headers";
import { routing } from "@/web/i18n/routing";

// next-auth's session cookie names (the __Secure- one is used over https).
const SESSION_COOKIES = ["next-auth.session-token", "__Secure-next-auth.session-token"];

const under = (pathname: string, areas: string[]) =>
  areas.some((area) => pathname === area || pathname.startsWith(`${area}/`));

const isProtected = (pathname: string) => under(pathname, ["/staff", "/admin"]);

/** Not the public site: no language in the URL, never rewritten by next-intl. */
const isOutsidePublicSite = (pathname: string) =>
  under(pathname, ["/staff", "/admin", "/login", "/api", "/dev", "/_next", "/posters"]) ||
  ["/sitemap.xml", "/robots.txt", "/favicon.ico", "/icon.svg"].includes(pathname);

const intl = createIntlMiddleware(routing);

/**
 * Runs before every page and route handler:
 * - refuses requests Next itself would answer with a 500 (web/http/request-guards.ts);
 * - public site: next-intl's routing. Italian at today's paths (rewritten to
 *   app/[locale] with locale "it"), English under /en, /it/… redirected to the bare path;
 * - gives dynamic pages a fresh CSP nonce, which Next reads from the request's
 *   Content-Security-Policy header and puts on its scripts. Cached public pages get a
 *   nonce-less policy instead (web/http/security-headers.ts);
 * - sends a browser without any session cookie to sign in before a staff or admin page
 *   renders. It only looks for the cookie; every page, server action and route handler
 *   still checks the user and the role itself (web/auth/guards.ts).
 */
export function proxy(request: NextRequest) {
  // Undecodable paths and cross-origin server actions: a 4xx here, where Next would 500.
  const refused = hostileRequestResponse(request);
  if (refused) return refused;
  const { pathname, search } = request.nextUrl;
  if (under(pathname, ["/api"])) {
    // Route handlers render no page: no nonce, no language, no sign-in redirect (each
    // one checks the session itself), the request's headers passed on untouched.
    const response = NextResponse.next();
    response.headers.set("Content-Security-Policy", API_CONTENT_SECURITY_POLICY);
    response.headers.set("Permissions-Policy", permissionsPolicy(pathname));
    return response;
  }
  const posterOrigin = appConfig().POSTER_ORIGIN;
  const development = process.env.NODE_ENV === "development";
  const publicSite = !isOutsidePublicSite(pathname);
  // A control character in a public path names no page; next-intl's rewrite would drop
  // it and answer another page (/shows/%00 → /shows).
  if (publicSite && /%(?:[01][0-9a-f]|7f)/i.test(pathname))
    return new NextResponse("Not found", { status: 404 });
  const cached = (publicSite && isCachedPublicPage(pathname)) || pathname === BARE_PAGE;

  const headers = new Headers(request.headers);
  let csp: string;
  if (cached) {
    csp = cachedPageContentSecurityPolicy({ posterOrigin, development });
    // Whatever a client sent, a cached page never renders with a nonce.
    headers.delete("x-nonce");
    headers.delete("Content-Security-Policy");
  } else {
    const nonce = newNonce();
    csp = contentSecurityPolicy({ nonce, posterOrigin, development });
    headers.set("x-nonce", nonce);
    headers.set("Content-Security-Policy", csp);
  }

  let response: NextResponse;
  if (isProtected(pathname) && !SESSION_COOKIES.some((name) => request.cookies.has(name))) {
    // From APP_URL: request.url names the address the server listens on (0.0.0.0:3000).
    response = NextResponse.redirect(signInUrl(`${pathname}${search}`));
  } else if (publicSite) {
    // next-intl passes the request's headers on to the page (rewrite or next): give it ours.
    for (const name of ["x-nonce", "content-security-policy"]) request.headers.delete(name);
    for (const [name, value] of headers) {
      if (name === "x-nonce" || name === "content-security-policy")
        request.headers.set(name, value);
    }
    response = intl(request);
  } else {
    response = NextResponse.next({ request: { headers } });
  }
  response.headers.set("Content-Security-Policy", csp);
  response.headers.set("Permissions-Policy", permissionsPolicy(pathname));
  return response;
}

export const config = {
  // Everything but build assets and poster images, which carry no document.
  matcher: ["/((?!_next/static|_next/image|posters/|favicon.ico|icon.svg).*)"],
};
