import { randomBytes } from "node:crypto";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { z } from "zod";
import { config } from "@/lib/config";
import { db } from "@/lib/db";
import { clientAddress } from "@/lib/http/client-address";
import { hashPassword, verifyPassword } from "@/lib/passwords";
import { consumeRateLimits } from "@/lib/rate-limit";

export const SESSION_MAX_AGE_SECONDS = 12 * 60 * 60; // one long evening at the door

export const signInInput = z.strictObject({
  email: z.string().trim().toLowerCase().pipe(z.email()),
  password: z.string().min(1).max(256),
});

/** Error codes that `authorize` throws; next-auth passes them to the client as `error`. */
export const SIGN_IN_ERRORS = { invalid: "invalid_credentials", rateLimited: "rate_limited" } as const;

// Verifying against a real hash when the email is unknown costs the same time as a real
// check, so the response time does not reveal which emails have accounts.
let dummyHash: Promise<string> | undefined;

/** Checks the credentials; returns the user to sign in, or throws a SIGN_IN_ERRORS code. */
export async function authorizeCredentials(credentials: unknown, headers: Headers) {
  const parsed = signInInput.safeParse(credentials);
  if (!parsed.success) throw new Error(SIGN_IN_ERRORS.invalid);
  const { email, password } = parsed.data;
  const limit = await consumeRateLimits([
    ["login", `account:${email}`],
    ["login", `address:${clientAddress(headers)}`],
  ]);
  if (!limit.ok) throw new Error(SIGN_IN_ERRORS.rateLimited);

  const user = await db.user.findUnique({ where: { email }, select: { id: true, email: true, name: true, role: true, isActive: true, passwordHash: true } });
  dummyHash ??= hashPassword(randomBytes(16).toString("hex"));
  const valid = await verifyPassword(user?.passwordHash ?? (await dummyHash), password);
  if (!user || !valid || !user.isActive) throw new Error(SIGN_IN_ERRORS.invalid);
  return { id: String(user.id), email: user.email, name: user.name, role: user.role };
}

let cached: NextAuthOptions | undefined;

/** Built on first use so that importing auth code needs no configuration at build time. */
export function authOptions(): NextAuthOptions {
  cached ??= {
    secret: config().NEXTAUTH_SECRET ?? (config().NODE_ENV === "production" ? undefined : "development-only-secret-not-for-production"),
    session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
    pages: { signIn: "/login", error: "/login" },
    providers: [
      CredentialsProvider({
        name: "credentials",
        credentials: { email: { type: "email" }, password: { type: "password" } },
        authorize: (credentials, request) => authorizeCredentials(credentials, new Headers(request.headers as Record<string, string>)),
      }),
    ],
    callbacks: {
      jwt({ token, user }) {
        if (user) {
          token.uid = Number(user.id);
          token.role = (user as { role?: string }).role;
        }
        return token;
      },
      session({ session, token }) {
        return { ...session, uid: token.uid, role: token.role };
      },
    },
  };
  return cached;
}
