import "server-only";

import { encode } from "next-auth/jwt";
import { config } from "@/lib/config";
import { authOptions, newSessionToken, type AuthorizedUser } from "@/web/auth/options";
import { SESSION_MAX_AGE_SECONDS } from "@/lib/auth/session";

// next-auth uses the __Secure- name and the Secure flag when its base URL is https.
function secureSessionCookie(): boolean {
  return (config().NEXTAUTH_URL ?? config().APP_URL).startsWith("https://");
}

/** The name of next-auth's session cookie, as next-auth names it. */
export function sessionCookieName(): string {
  return `${secureSessionCookie() ? "__Secure-" : ""}next-auth.session-token`;
}

/**
 * next-auth's session cookie for `user`, exactly as its credentials callback would set it
 * (same name, flags, JWT encoding and claims), for sign-in through a server action.
 */
export async function sessionCookieFor(user: AuthorizedUser, now: Date) {
  const secure = secureSessionCookie();
  const secret = authOptions().secret;
  if (!secret) throw new Error("NEXTAUTH_SECRET is not configured");
  const value = await encode({
    token: newSessionToken(user, now),
    secret,
    maxAge: SESSION_MAX_AGE_SECONDS,
  });
  return {
    name: sessionCookieName(),
    value,
    options: {
      httpOnly: true,
      sameSite: "lax" as const,
      path: "/",
      secure,
      maxAge: SESSION_MAX_AGE_SECONDS,
    },
  };
}
