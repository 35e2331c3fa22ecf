import type { Db } from "@/lib/db";
import type { UserRole } from "@/lib/generated/prisma/enums";

/** One long evening at the door: a session ends this long after sign-in, however busy. */
export const SESSION_MAX_AGE_SECONDS = 12 * 60 * 60;

/**
 * What our session cookie (a next-auth JWT) carries besides next-auth's own fields.
 * `sv` is the user's session version at sign-in; `auth_time` (seconds) is the sign-in
 * time, which renewing the cookie (`/api/auth/session`) copies but never moves.
 */
export type SessionClaims = { uid: number; role: UserRole; sv: number; auth_time: number };

export type SignedInUser = { id: number; email: string; name: string; role: UserRole };

const seconds = (now: Date) => Math.floor(now.getTime() / 1000);

export function sessionClaims(
  user: { id: number; role: UserRole; sessionVersion: number },
  now: Date,
): SessionClaims {
  return { uid: user.id, role: user.role, sv: user.sessionVersion, auth_time: seconds(now) };
}

/** False once the absolute lifetime has passed, or when the claims are not ours at all. */
export function withinAbsoluteLifetime(claims: Partial<SessionClaims>, now: Date): boolean {
  const signedInAt = claims.auth_time;
  if (typeof signedInAt !== "number" || !Number.isFinite(signedInAt)) return false;
  const age = seconds(now) - signedInAt;
  return age >= -60 && age < SESSION_MAX_AGE_SECONDS;
}

/**
 * The user a session cookie stands for, re-read from the database: null when the cookie
 * is past its absolute lifetime, the user is gone or inactive, or the user's session
 * version has moved on since the cookie was issued (revoked).
 */
export async function userForSession({
  db,
  claims,
  now,
}: {
  db: Db;
  claims: Partial<SessionClaims> | null | undefined;
  now: Date;
}): Promise<SignedInUser | null> {
  if (!claims || !Number.isSafeInteger(claims.uid) || !Number.isSafeInteger(claims.sv)) return null;
  if (!withinAbsoluteLifetime(claims, now)) return null;
  const user = await db.user.findUnique({
    where: { id: claims.uid },
    select: { id: true, email: true, name: true, role: true, isActive: true, sessionVersion: true },
  });
  if (!user?.isActive || user.sessionVersion !== claims.sv) return null;
  return { id: user.id, email: user.email, name: user.name, role: user.role };
}

/** Ends every session of the user (all devices): their cookies carry an older version now. */
export async function revokeSessions(db: Db, userId: number): Promise<void> {
  await db.user.updateMany({
    where: { id: userId },
    data: { sessionVersion: { increment: 1 } },
  });
}
