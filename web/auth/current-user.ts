import "server-only";

import { getServerSession } from "next-auth";
import { cache } from "react";
import { authOptions } from "@/web/auth/options";
import { userForSession, type SessionClaims, type SignedInUser } from "@/lib/auth/session";
import { db } from "@/lib/db";

export type { SignedInUser };

/**
 * The signed-in user, re-read from the database on every request: a JWT stays valid
 * for its whole lifetime, so deactivation, a role change or a revoked session (the
 * user's session version moved on) must be checked here to take effect on the next
 * request. Null when there is no session or it no longer stands.
 */
export const currentUser = cache(async (): Promise<SignedInUser | null> => {
  const session = (await getServerSession(authOptions())) as Partial<SessionClaims> | null;
  return userForSession({ db, claims: session, now: new Date() });
});
