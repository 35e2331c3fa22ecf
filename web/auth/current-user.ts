import "server-only";

import { cookies } from "next/headers";
import { cache } from "react";
import { authOptions } from "@/web/auth/options";
import { sessionCookieName } from "@/web/auth/session-cookie";
import { decodeSessionToken, sessionCookieValue } from "@/web/auth/session-jwt";
import { userForSession, type SessionClaims, type SignedInUser } from "@/lib/auth/session";
import { db } from "@/lib/db";

export type { SignedInUser };

/**
 * The signed-in user, re-read from the database on every request: a JWT stays valid
 * for its whole lifetime, so deactivation, a role change or a revoked session (the
 * user's session version moved on) must be checked here to take effect on the next
 * request. Null when there is no session or it no longer stands.
 *
 * The cookie is decoded here as next-auth's getServerSession decodes it (same cookie,
 * key and claims; our jwt callback's only check, the absolute lifetime, is
 * userForSession's too), with the key derived once per process: getServerSession
 * derived it, and re-encoded the cookie, on every request.
 */
export const currentUser = cache(async (): Promise<SignedInUser | null> => {
  const secret = authOptions().secret;
  const token = sessionCookieValue((await cookies()).getAll(), sessionCookieName());
  const claims = token && secret ? await decodeSessionToken(token, secret) : null;
  return userForSession({ db, claims: claims as Partial<SessionClaims> | null, now: new Date() });
});
