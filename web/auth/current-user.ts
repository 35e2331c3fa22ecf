import "server-only";

import { cache } from "react";
import { requestSessionClaims } from "@/web/auth/session-jwt";
import { userForSession, type SignedInUser } from "@/lib/auth/session";
import { db } from "@/lib/db";

export type { SignedInUser };

/**
 * The signed-in user, re-read from the database on every request: a JWT stays valid
 * for its whole lifetime, so deactivation, a role change or a revoked session (the
 * user's session version moved on) must be checked here to take effect on the next
 * request. Null when there is no session or it no longer stands.
 */
export const currentUser = cache(async (): Promise<SignedInUser | null> =>
  userForSession({ db, claims: await requestSessionClaims(), now: new Date() }),
);
