import "server-only";

import { cache } from "react";
import { requestSessionClaims } from "@/web/auth/session-jwt";
import { userForSession, type SignedInUser } from "@/lib/auth/session";
import { db } from "@/lib/db";

export type { SignedInUser };

// The session cookie, decoded once per request.
const sessionClaims = cache(requestSessionClaims);

/**
 * The signed-in user, re-read from the database on every request: a JWT stays valid
 * for its whole lifetime, so deactivation, a role change or a revoked session (the
 * user's session version moved on) must be checked here to take effect on the next
 * request. Null when there is no session or it no longer stands.
 */
export const currentUser = cache(async (): Promise<SignedInUser | null> =>
  userForSession({ db, claims: await sessionClaims(), now: new Date() }),
);

/**
 * The user id this request's sealed session cookie names, before the database has said
 * whether that session still stands: enough to key a per-user rate limit while the user
 * is re-read, never enough to authorize anything.
 */
export async function claimedUserId(): Promise<number | null> {
  const uid = (await sessionClaims())?.uid;
  return typeof uid === "number" && Number.isSafeInteger(uid) ? uid : null;
}
