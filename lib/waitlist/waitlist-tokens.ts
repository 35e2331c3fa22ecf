import type { Db } from "@/lib/db";
import type { WaitlistTokenPurpose } from "@/lib/generated/prisma/enums";
import { generateToken, hashToken } from "@/lib/tokens";

/**
 * Stores a new token of a waiting-list entry (its SHA-256 only) and returns the raw
 * value, which from here on exists only in the email that carries it. Each email gets
 * its own token; every live token of an entry can take it off the list.
 */
export async function issueWaitlistToken(
  db: Db,
  {
    entryId,
    purpose,
    expiresAt,
    now,
  }: { entryId: number; purpose: WaitlistTokenPurpose; expiresAt: Date; now: Date },
): Promise<string> {
  const rawToken = generateToken();
  await db.waitlistToken.create({
    data: { entryId, purpose, tokenHash: hashToken(rawToken), expiresAt, createdAt: now },
  });
  return rawToken;
}

/** The token a link carries with its entry's performance, or null for an unknown token. */
export function findWaitlistToken(db: Db, rawToken: string) {
  return db.waitlistToken.findUnique({
    where: { tokenHash: hashToken(rawToken) },
    select: {
      id: true,
      purpose: true,
      expiresAt: true,
      usedAt: true,
      revokedAt: true,
      entryId: true,
      entry: { select: { performanceId: true } },
    },
  });
}

/** Ends every live link of an entry (it left the list, was booked, lapsed or closed). */
export function revokeWaitlistTokens(db: Db, entryId: number, now: Date) {
  return db.waitlistToken.updateMany({
    where: { entryId, usedAt: null, revokedAt: null },
    data: { revokedAt: now },
  });
}
