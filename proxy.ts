import { NextResponse, type NextRequest } from "next/server";

// next-auth's session cookie names (the __Secure- one is used over https).
const SESSION_COOKIES = ["next-auth.session-token", "__Secure-next-auth.session-token"];

/**
 * A cheap first gate: a browser without any session cookie is sent to sign in before a
 * staff or admin page even renders. It only looks for the cookie; every page, server
 * action and route handler still checks the user and the role itself (web/auth/guards.ts).
 */
export function proxy(request: NextRequest) {
  if (SESSION_COOKIES.some((name) => request.cookies.has(name))) return NextResponse.next();
  const login = new URL("/login", request.url);
  login.searchParams.set("callbackUrl", `${request.nextUrl.pathname}${request.nextUrl.search}`);
  return NextResponse.redirect(login);
}

export const config = {
  matcher: ["/staff", "/staff/:path*", "/admin", "/admin/:path*"],
};
