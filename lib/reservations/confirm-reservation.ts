import type { PrismaClient } from "@/lib/db";
import { generateToken, hashToken } from "@/lib/tokens";

export type ConfirmReservationResult =
  | {
      ok: true;
      reservationId: number;
      performanceId: number;
      partySize: number;
      confirmedAt: Date;
      checkInToken: string;
      checkInExpiresAt: Date;
    }
  | { ok: false; reason: "token_not_found" }
  | {
      ok: false;
      reason:
        | "token_expired"
        | "token_used"
        | "token_replaced"
        | "already_confirmed"
        | "reservation_not_pending";
      reservationId: number;
    }
  | { ok: false; reason: "insufficient_seats"; reservationId: number; availableSeats: number };

type TargetRow = {
  token_id: number;
  expires_at: Date;
  used_at: Date | null;
  revoked_at: Date | null;
  reservation_id: number;
  status: string;
  party_size: number;
  performance_id: number;
  available: number;
  confirmed_count: number;
  check_in_expires_at: Date | null;
};

/**
 * Confirms a pending reservation with its emailed token and issues the ticket (check-in) token.
 *
 * One transaction of two statements. The first locks the performance row, which
 * serialises every confirmation of that performance. The second starts after the lock
 * is held, so its snapshot sees every confirmation committed before ours: it recounts
 * the confirmed seats and, only if the party still fits and the token is valid,
 * confirms, marks the token used and stores the check-in token's hash. (Counting in the
 * locking statement itself would read a snapshot taken before the wait, and overbook.)
 * A refusal writes nothing.
 */
export async function confirmReservation({
  db,
  token,
  checkInWindowHours,
  now = new Date(),
}: {
  db: PrismaClient;
  token: string;
  checkInWindowHours: number;
  now?: Date;
}): Promise<ConfirmReservationResult> {
  const tokenHash = hashToken(token);
  const checkInToken = generateToken();

  const [, rows] = await db.$transaction([
    db.$queryRaw`
      SELECT p.id FROM reservation_tokens t
      JOIN reservations r ON r.id = t.reservation_id
      JOIN performances p ON p.id = r.performance_id
      WHERE t.token_hash = ${tokenHash} AND t.purpose = 'confirmation'
      FOR UPDATE OF p`,
    db.$queryRaw<TargetRow[]>`
      WITH target AS (
        SELECT t.id AS token_id, t.expires_at, t.used_at, t.revoked_at,
               r.id AS reservation_id, r.status::text AS status, r.party_size, r.performance_id, p.starts_at,
               (p.room_capacity + p.additional_seats - p.manually_occupied_seats
                 - COALESCE((SELECT SUM(c.party_size) FROM reservations c
                             WHERE c.performance_id = p.id AND c.status = 'confirmed'), 0))::int AS available
        FROM reservation_tokens t
        JOIN reservations r ON r.id = t.reservation_id
        JOIN performances p ON p.id = r.performance_id
        WHERE t.token_hash = ${tokenHash} AND t.purpose = 'confirmation'
      ), confirmed AS (
        UPDATE reservations r
        SET status = 'confirmed', confirmed_at = ${now}, qr_code_generated_at = ${now}, updated_at = ${now}
        FROM target
        WHERE r.id = target.reservation_id AND r.status = 'pending'
          AND target.used_at IS NULL AND target.revoked_at IS NULL AND target.expires_at > ${now}
          AND target.party_size <= target.available
        RETURNING r.id
      ), used AS (
        UPDATE reservation_tokens t SET used_at = ${now}
        FROM confirmed, target WHERE t.id = target.token_id
        RETURNING t.id
      ), issued AS (
        INSERT INTO reservation_tokens (reservation_id, purpose, token_hash, expires_at, created_at)
        SELECT target.reservation_id, 'check_in', ${hashToken(checkInToken)},
               target.starts_at + make_interval(hours => ${checkInWindowHours}::int), ${now}
        FROM confirmed, target
        RETURNING expires_at
      )
      SELECT target.*, (SELECT count(*) FROM confirmed)::int AS confirmed_count,
             (SELECT expires_at FROM issued) AS check_in_expires_at
      FROM target`,
  ]);

  const row = rows[0];
  if (!row) return { ok: false, reason: "token_not_found" };
  const reservationId = row.reservation_id;
  if (row.confirmed_count === 1 && row.check_in_expires_at) {
    return {
      ok: true,
      reservationId,
      performanceId: row.performance_id,
      partySize: row.party_size,
      confirmedAt: now,
      checkInToken,
      checkInExpiresAt: row.check_in_expires_at,
    };
  }
  if (row.status === "confirmed") return { ok: false, reason: "already_confirmed", reservationId };
  if (row.used_at) return { ok: false, reason: "token_used", reservationId };
  if (row.revoked_at) return { ok: false, reason: "token_replaced", reservationId };
  if (row.status !== "pending")
    return { ok: false, reason: "reservation_not_pending", reservationId };
  if (row.expires_at <= now) return { ok: false, reason: "token_expired", reservationId };
  return {
    ok: false,
    reason: "insufficient_seats",
    reservationId,
    availableSeats: Math.max(0, row.available),
  };
}
