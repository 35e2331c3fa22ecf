import type { PrismaClient } from "@/lib/db";
import { queueEmail } from "@/lib/mail/email-queue";
import type { TokenSettings } from "@/lib/reservations/token-settings";
import { generateToken, hashToken } from "@/lib/tokens";

type ConfirmRefusalReason =
  | "reservation_cancelled"
  | "already_confirmed"
  | "token_expired"
  | "token_replaced"
  | "booking_closed"
  /** The same email already holds a confirmed reservation for this performance. */
  | "already_booked";

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
  | { ok: false; reason: ConfirmRefusalReason; reservationId: number }
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
  bookable: boolean;
  already_booked: boolean;
  available: number;
  confirmed_count: number;
  check_in_expires_at: Date | null;
};

/**
 * Confirms a pending reservation with its emailed token and issues the ticket (check-in) token.
 *
 * One transaction of two statements. The first locks the performance row, which
 * serialises every confirmation of that performance, and the reservation row, so a
 * cancellation running now finishes first (and is then reported as such). The second
 * starts after the locks are held, so its snapshot sees every change committed before
 * ours: it recounts the available seats (the `performance_availability` view) and, only
 * if the reservation is still pending, the token live, the performance still open for
 * booking and the party fits, confirms, marks the token used and stores the check-in
 * token's hash. (Counting in the locking statement itself would read a snapshot taken
 * before the wait, and overbook.) A third statement queues the ticket email when (and
 * only when) the second issued the ticket. A refusal writes nothing. The ticket goes
 * back to the caller at once (the page shows it); the email follows from the job runner.
 *
 * The answer looks at the reservation first, then the token, so the same link gives the
 * same answer whatever ran in between (see the README's table). A performance whose
 * booking an admin closed or whose show was unpublished confirms nothing more. One
 * email holds at most one confirmed reservation per performance (a double-tapped
 * booking confirms once; the second link answers `already_booked`).
 */
export async function confirmReservation({
  db,
  token,
  settings,
  now = new Date(),
}: {
  db: PrismaClient;
  token: string;
  settings: TokenSettings;
  now?: Date;
}): Promise<ConfirmReservationResult> {
  const tokenHash = hashToken(token);
  const checkInToken = generateToken();
  const checkInHash = hashToken(checkInToken);

  const [, rows] = await db.$transaction([
    db.$queryRaw`
      SELECT p.id FROM reservation_tokens t
      JOIN reservations r ON r.id = t.reservation_id
      JOIN performances p ON p.id = r.performance_id
      WHERE t.token_hash = ${tokenHash} AND t.purpose = 'confirmation'
      FOR UPDATE OF p, r`,
    db.$queryRaw<TargetRow[]>`
      WITH target AS (
        SELECT t.id AS token_id, t.expires_at, t.used_at, t.revoked_at,
               r.id AS reservation_id, r.status::text AS status, r.party_size, r.performance_id,
               p.starts_at, (p.is_booking_enabled AND s.is_published AND p.cancelled_at IS NULL) AS bookable,
               a.available_seats AS available,
               EXISTS (SELECT 1 FROM reservations o
                       WHERE o.performance_id = r.performance_id AND o.id <> r.id
                         AND o.status = 'confirmed' AND o.email <> ''
                         AND lower(o.email) = lower(r.email)) AS already_booked
        FROM reservation_tokens t
        JOIN reservations r ON r.id = t.reservation_id
        JOIN performances p ON p.id = r.performance_id
        JOIN shows s ON s.id = p.show_id
        JOIN performance_availability a ON a.performance_id = p.id
        WHERE t.token_hash = ${tokenHash} AND t.purpose = 'confirmation'
      ), confirmed AS (
        UPDATE reservations r
        SET status = 'confirmed', confirmed_at = ${now}, qr_code_generated_at = ${now}, updated_at = ${now}
        FROM target
        WHERE r.id = target.reservation_id AND r.status = 'pending'
          AND target.used_at IS NULL AND target.revoked_at IS NULL AND target.expires_at > ${now}
          AND target.bookable AND NOT target.already_booked
          AND target.party_size <= target.available
        RETURNING r.id
      ), used AS (
        UPDATE reservation_tokens t SET used_at = ${now}
        FROM confirmed, target WHERE t.id = target.token_id
        RETURNING t.id
      ), issued AS (
        INSERT INTO reservation_tokens (reservation_id, purpose, token_hash, expires_at, created_at)
        SELECT target.reservation_id, 'check_in', ${checkInHash},
               token_expires_at('check_in', ${now}, target.starts_at,
                                ${settings.confirmationTtlHours}::int, ${settings.checkInWindowHours}::int),
               ${now}
        FROM confirmed, target
        RETURNING expires_at
      )
      SELECT target.*, (SELECT count(*) FROM confirmed)::int AS confirmed_count,
             (SELECT expires_at FROM issued) AS check_in_expires_at
      FROM target`,
    queueEmail(db, {
      kind: "ticket",
      reservation: { tokenHash: checkInHash },
      rawToken: checkInToken,
    }),
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
  const refused = (reason: ConfirmRefusalReason): ConfirmReservationResult => ({
    ok: false,
    reason,
    reservationId,
  });
  // The reservation's state first: it is what the visitor needs to know.
  if (row.status === "cancelled") return refused("reservation_cancelled");
  if (row.status === "confirmed") return refused("already_confirmed");
  if (row.status === "expired") return refused("token_expired");
  // Pending: then the link itself.
  if (row.revoked_at) return refused("token_replaced");
  if (row.used_at || row.expires_at <= now) return refused("token_expired");
  if (row.already_booked) return refused("already_booked");
  if (!row.bookable) return refused("booking_closed");
  return {
    ok: false,
    reason: "insufficient_seats",
    reservationId,
    availableSeats: Math.max(0, row.available),
  };
}
