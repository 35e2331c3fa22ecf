import "server-only";

import { randomBytes } from "node:crypto";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { config } from "@/lib/config";
import { db } from "@/lib/db";
import { clientAddress } from "@/web/http/client-address";
import { hashPassword, verifyPassword } from "@/lib/passwords";
import { consumeRateLimits, refundRateLimits, type RateLimitName } from "@/lib/rate-limit";
import { sameOriginPath } from "@/lib/auth/callback-path";
import {
  revokeSessions,
  SESSION_MAX_AGE_SECONDS,
  sessionClaims,
  withinAbsoluteLifetime,
  type SessionClaims,
} from "@/lib/auth/session";
import { SIGN_IN_ERRORS, signInInput } from "@/lib/auth/sign-in-input";

export { SESSION_MAX_AGE_SECONDS };

// Verifying against a real hash when the email is unknown costs the same time as a real
// check, so the response time does not reveal which emails have accounts.
let dummyHash: Promise<string> | undefined;

/** Checks the credentials; returns the user to sign in, or throws a SIGN_IN_ERRORS code. */
export async function authorizeCredentials(
  credentials: Record<string, unknown> | undefined,
  headers: Headers,
) {
  // next-auth passes the whole form body (csrfToken, callbackUrl, json...) as credentials.
  const parsed = signInInput.safeParse({
    email: credentials?.email,
    password: credentials?.password,
  });
  if (!parsed.success) throw new Error(SIGN_IN_ERRORS.invalid);
  const { email, password } = parsed.data;
  // Every attempt is counted up front (so parallel guesses cannot slip past the limit) and
  // refunded on success: only failures count, and a door team sharing one Wi-Fi address
  // does not lock itself out by signing in. There is deliberately no account-wide limit:
  // anyone who knows a staff email could then lock that person out of the door page from
  // anywhere. Guessing is limited per (account, address) and per address instead.
  const address = clientAddress(headers);
  const limits: [RateLimitName, string][] = [
    ["login", `account:${email}|address:${address}`],
    ["login_address", `address:${address}`],
  ];
  const limit = await consumeRateLimits(limits);
  if (!limit.ok) throw new Error(SIGN_IN_ERRORS.rateLimited);

  const user = await db.user.findUnique({
    where: { email },
    select: {
      id: true,
      email: true,
      name: true,
      role: true,
      isActive: true,
      passwordHash: true,
      sessionVersion: true,
    },
  });
  dummyHash ??= hashPassword(randomBytes(16).toString("hex"));
  const valid = await verifyPassword(user?.passwordHash ?? (await dummyHash), password);
  if (!user || !valid || !user.isActive) throw new Error(SIGN_IN_ERRORS.invalid);
  await refundRateLimits(limits);
  return {
    id: String(user.id),
    email: user.email,
    name: user.name,
    role: user.role,
    sessionVersion: user.sessionVersion,
  };
}

export type AuthorizedUser = Awaited<ReturnType<typeof authorizeCredentials>>;

/** The JWT claims of a fresh session for `user` (next-auth's own fields and ours). */
export function newSessionToken(user: AuthorizedUser, now: Date) {
  return {
    sub: user.id,
    name: user.name,
    email: user.email,
    ...sessionClaims(
      { id: Number(user.id), role: user.role, sessionVersion: user.sessionVersion },
      now,
    ),
  };
}

/**
 * next-auth logs multi-line stack traces, and its metadata can hold the submitted form or a
 * cookie. We keep one JSON line with the error code: a forged or expired session cookie
 * (JWT_SESSION_ERROR) is routine and answered by signing in again.
 */
const authLogger: NextAuthOptions["logger"] = {
  error(code) {
    console.error(
      JSON.stringify({
        level: code === "JWT_SESSION_ERROR" ? "warn" : "error",
        msg: "auth error",
        code,
        time: new Date().toISOString(),
      }),
    );
  },
  warn(code) {
    console.error(
      JSON.stringify({ level: "warn", msg: "auth warning", code, time: new Date().toISOString() }),
    );
  },
  debug() {},
};

let cached: NextAuthOptions | undefined;

/** Built on first use so that importing auth code needs no configuration at build time. */
export function authOptions(): NextAuthOptions {
  // next-auth builds its redirects from NEXTAUTH_URL; without it, from X-Forwarded-Host or
  // Host, which a client chooses. APP_URL is the same public address.
  process.env.NEXTAUTH_URL ||= config().NEXTAUTH_URL ?? config().APP_URL;
  cached ??= {
    secret:
      config().NEXTAUTH_SECRET ??
      (config().NODE_ENV === "production"
        ? undefined
        : "development-only-secret-not-for-production"),
    session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
    logger: authLogger,
    pages: { signIn: "/login", error: "/login" },
    providers: [
      CredentialsProvider({
        name: "credentials",
        credentials: { email: { type: "email" }, password: { type: "password" } },
        authorize: (credentials, request) =>
          authorizeCredentials(credentials, new Headers(request.headers as Record<string, string>)),
      }),
    ],
    callbacks: {
      jwt({ token, user }) {
        if (user) return { ...token, ...newSessionToken(user as AuthorizedUser, new Date()) };
        // Renewing the cookie (every call to /api/auth/session) keeps auth_time, so a
        // session still ends 12 hours after sign-in. Throwing makes next-auth clear the
        // cookie and answer with no session.
        if (!withinAbsoluteLifetime(token as Partial<SessionClaims>, new Date()))
          throw new Error("session past its absolute lifetime");
        return token;
      },
      session({ session, token }) {
        const claims = token as Partial<SessionClaims>;
        return {
          ...session,
          uid: claims.uid,
          role: claims.role,
          sv: claims.sv,
          auth_time: claims.auth_time,
        };
      },
      // next-auth's own default lets "/\tevil.example"-style paths through.
      redirect({ url, baseUrl }) {
        const path = url.startsWith(baseUrl) ? url.slice(baseUrl.length) || "/" : url;
        return `${baseUrl}${sameOriginPath(path) ?? "/login"}`;
      },
    },
    events: {
      // Sign-out ends every session of the user, including copies of this cookie.
      async signOut({ token }) {
        const uid = (token as Partial<SessionClaims> | null)?.uid;
        if (Number.isSafeInteger(uid)) await revokeSessions(db, uid as number);
      },
    },
  };
  return cached;
}
