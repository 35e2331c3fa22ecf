import type { Db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import type { TokenPurpose } from "@/lib/generated/prisma/enums";
import type { TokenSettings } from "@/lib/reservations/token-settings";
import { generateToken, hashToken } from "@/lib/tokens";

export type IssuedToken = { rawToken: string; expiresAt: Date };

/**
 * Stores a new token (hash only) for a reservation and returns the raw value, which
 * exists from here on only in the email or page that carries it. Its deadline comes
 * from the database rule `token_expires_at` and the reservation's performance.
 *
 * A resent confirmation link replaces the old one (the old one is revoked, in the same
 * transaction when `db` is one). A reissued ticket does not revoke the earlier QR: both
 * open the same reservation, and the unique check-in still lets the party in only
 * once, while a visitor who printed the first ticket is not turned away.
 */
export async function issueToken({
  db,
  reservationId,
  purpose,
  settings,
  now,
}: {
  db: Db;
  reservationId: number;
  purpose: TokenPurpose;
  settings: TokenSettings;
  now: Date;
}): Promise<IssuedToken> {
  const rawToken = generateToken();
  if (purpose === "confirmation") {
    await db.reservationToken.updateMany({
      where: { reservationId, purpose, usedAt: null, revokedAt: null },
      data: { revokedAt: now },
    });
  }
  const [row] = await db.$queryRaw<{ expires_at: Date }[]>`
    INSERT INTO reservation_tokens (reservation_id, purpose, token_hash, expires_at, created_at)
    SELECT r.id, ${purpose}::token_purpose, ${hashToken(rawToken)},
           token_expires_at(${purpose}::token_purpose, ${now}, p.starts_at,
                            ${settings.confirmationTtlHours}::int, ${settings.checkInWindowHours}::int),
           ${now}
    FROM reservations r JOIN performances p ON p.id = r.performance_id
    WHERE r.id = ${reservationId}
    RETURNING expires_at`;
  if (!row) throw new Error(`reservation ${reservationId} does not exist`);
  return { rawToken, expiresAt: row.expires_at };
}

/**
 * Moves the deadlines of live tokens with their performance's start: of a whole
 * performance, in the transaction that changes its start (a postponed show's tickets
 * still work at the door, a show brought forward stops taking confirmations at its new
 * curtain time), or of one reservation, in the transaction that moves it to another
 * performance.
 */
function followStart(db: Db, which: Prisma.Sql, settings: TokenSettings): Promise<number> {
  return db.$executeRaw`
    UPDATE reservation_tokens t
    SET expires_at = token_expires_at(t.purpose, t.created_at, p.starts_at,
                                      ${settings.confirmationTtlHours}::int, ${settings.checkInWindowHours}::int)
    FROM reservations r JOIN performances p ON p.id = r.performance_id
    WHERE t.reservation_id = r.id AND ${which}
      AND t.used_at IS NULL AND t.revoked_at IS NULL`;
}

/**
 * The live tokens of a performance follow its (new) start. Its reservations are locked
 * first (key share, in id order), as a check-in or a confirmation locks a reservation
 * before its token: taking the tokens first, this transaction and a door admitting a
 * party waited on each other (a deadlock the soak found when an admin moved a start
 * while the door scanned; the notice to the holders then waited on the reservation).
 */
export async function followPerformanceStart({
  db,
  performanceId,
  settings,
}: {
  db: Db;
  performanceId: number;
  settings: TokenSettings;
}): Promise<number> {
  await db.$queryRaw`
    SELECT id FROM reservations WHERE performance_id = ${performanceId} ORDER BY id FOR KEY SHARE`;
  return followStart(db, Prisma.sql`r.performance_id = ${performanceId}`, settings);
}

/** The live tokens of a reservation follow the start of the performance it was moved to. */
export function followReservationPerformance({
  db,
  reservationId,
  settings,
}: {
  db: Db;
  reservationId: number;
  settings: TokenSettings;
}): Promise<number> {
  return followStart(db, Prisma.sql`r.id = ${reservationId}`, settings);
}
