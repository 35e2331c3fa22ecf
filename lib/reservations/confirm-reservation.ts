import type { PrismaClient } from "@/lib/db";
import { emailJobArguments } from "@/lib/mail/email-queue";
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
 * One transaction in one round trip: the database function `confirm_reservation`
 * (migration `20261203020000_hot_paths_in_one_round_trip`). It locks the performance
 * row, which serialises every confirmation of that performance, and the reservation
 * row, so a cancellation running now finishes first (and is then reported as such).
 * Its next statement starts after the locks are held, so its snapshot sees every change
 * committed before ours: it recounts the available seats (the `performance_availability`
 * view) and, only if the reservation is still pending, the token live, the performance
 * still open for booking and the party fits, confirms, marks the token used, stores the
 * check-in token's hash and queues the ticket email (`add_email_job`, as
 * lib/mail/email-queue.ts does). A refusal writes nothing. The ticket goes back to the
 * caller at once (the page shows it); the email follows from the job runner.
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
  const checkInToken = generateToken();
  const email = emailJobArguments("ticket", checkInToken);
  const rows = await db.$queryRaw<TargetRow[]>`
    SELECT * FROM confirm_reservation(
      ${hashToken(token)}, ${hashToken(checkInToken)}, ${now}::timestamptz,
      ${settings.confirmationTtlHours}::int, ${settings.checkInWindowHours}::int,
      ${email.sealedToken}::text, ${email.task}, ${email.maxAttempts}::int)`;

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
