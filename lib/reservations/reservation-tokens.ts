import type { Db } from "@/lib/db";
import type { TokenPurpose } from "@/lib/generated/prisma/enums";
import { addHours, earliest } from "@/lib/time";
import { generateToken, hashToken } from "@/lib/tokens";

export type IssuedToken = { rawToken: string; expiresAt: Date };

/**
 * Stores a new token (hash only) for a reservation and returns the raw value, which
 * exists from here on only in the email or page that carries it.
 *
 * A resent confirmation link replaces the old one (the old one is revoked). A reissued
 * ticket does not revoke the earlier QR: both open the same reservation, and the
 * unique check-in still lets the party in only once, while a visitor who printed the
 * first ticket is not turned away.
 */
async function issueToken(
  db: Db,
  reservationId: number,
  purpose: TokenPurpose,
  expiresAt: Date,
  now: Date,
): Promise<IssuedToken> {
  const rawToken = generateToken();
  if (purpose === "confirmation") {
    await db.reservationToken.updateMany({
      where: { reservationId, purpose, usedAt: null, revokedAt: null },
      data: { revokedAt: now },
    });
  }
  await db.reservationToken.create({
    data: { reservationId, purpose, tokenHash: hashToken(rawToken), expiresAt },
  });
  return { rawToken, expiresAt };
}

/** Confirmation links expire after the TTL or at curtain time, whichever is first. */
export function confirmationExpiry(
  now: Date,
  performanceStartsAt: Date,
  confirmationTtlHours: number,
): Date {
  return earliest(addHours(now, confirmationTtlHours), performanceStartsAt);
}

/** Tickets stay valid until the check-in window after the start closes. */
export function checkInExpiry(performanceStartsAt: Date, checkInWindowHours: number): Date {
  return addHours(performanceStartsAt, checkInWindowHours);
}

export function issueConfirmationToken({
  db,
  reservationId,
  performanceStartsAt,
  now,
  confirmationTtlHours,
}: {
  db: Db;
  reservationId: number;
  performanceStartsAt: Date;
  now: Date;
  confirmationTtlHours: number;
}): Promise<IssuedToken> {
  return issueToken(
    db,
    reservationId,
    "confirmation",
    confirmationExpiry(now, performanceStartsAt, confirmationTtlHours),
    now,
  );
}

export function issueCheckInToken({
  db,
  reservationId,
  performanceStartsAt,
  now,
  checkInWindowHours,
}: {
  db: Db;
  reservationId: number;
  performanceStartsAt: Date;
  now: Date;
  checkInWindowHours: number;
}): Promise<IssuedToken> {
  return issueToken(
    db,
    reservationId,
    "check_in",
    checkInExpiry(performanceStartsAt, checkInWindowHours),
    now,
  );
}
