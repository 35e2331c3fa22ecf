import type { PrismaClient } from "@/lib/db";
import { emailJobArguments } from "@/lib/mail/email-queue";
import type { BookingInput } from "@/lib/reservations/booking-input";
import type { TokenSettings } from "@/lib/reservations/token-settings";
import { generateToken, hashToken } from "@/lib/tokens";

/** How long the same booking submitted again counts as a double submit (a second tap). */
export const DOUBLE_SUBMIT_SECONDS = 120;

export type CreateReservationResult =
  | {
      ok: true;
      reservationId: number;
      bookingCode: string;
      confirmationToken: string;
      expiresAt: Date;
    }
  /** The same booking was just made: nothing new was created; its email is on its way. */
  | { ok: true; reservationId: number; repeated: true }
  | {
      ok: false;
      reason: "performance_not_found" | "booking_closed" | "insufficient_seats";
      availableSeats?: number;
    };

type BookingRow = {
  outcome:
    "performance_not_found" | "booking_closed" | "insufficient_seats" | "repeated" | "created";
  reservation_id: number | null;
  booking_code: string | null;
  expires_at: Date | null;
  available_seats: number | null;
};

/**
 * Creates a pending reservation, its confirmation token and the job that emails the
 * link, in one transaction (an expiry sweep can never see the reservation without its
 * link; a booking that rolls back sends nothing), in one round trip: the database
 * function `book_reservation` (migration `20261203020000_hot_paths_in_one_round_trip`).
 * Pending reservations hold no seats: the seat check here only refuses what could never
 * be confirmed; the authoritative check happens under lock in confirmReservation. A
 * performance the theatre cancelled, whose booking is off or which has started is
 * `booking_closed`.
 *
 * A double submit (same performance, email, name and party within
 * DOUBLE_SUBMIT_SECONDS, while the first link still works) creates nothing and answers
 * with the first reservation. Attempts of one email on one performance are serialised
 * by an advisory lock, so two taps at the same instant cannot both create one.
 */
export async function createReservation({
  db,
  performanceId,
  input,
  locale,
  settings,
  now = new Date(),
}: {
  db: PrismaClient;
  performanceId: number;
  input: BookingInput;
  locale: string;
  settings: TokenSettings;
  now?: Date;
}): Promise<CreateReservationResult> {
  const confirmationToken = generateToken();
  const email = emailJobArguments("confirmation", confirmationToken);
  const [row] = await db.$queryRaw<BookingRow[]>`
    SELECT * FROM book_reservation(
      ${performanceId}::int, ${input.name}, ${input.email}, ${input.phone}, ${input.party_size}::int,
      ${input.notes}, ${locale}, ${now}::timestamptz, ${hashToken(confirmationToken)},
      ${settings.confirmationTtlHours}::int, ${settings.checkInWindowHours}::int,
      ${DOUBLE_SUBMIT_SECONDS}::int, ${email.sealedToken}::text, ${email.task},
      ${email.maxAttempts}::int)`;
  switch (row.outcome) {
    case "created":
      return {
        ok: true,
        reservationId: row.reservation_id!,
        bookingCode: row.booking_code!,
        confirmationToken,
        expiresAt: row.expires_at!,
      };
    case "repeated":
      return { ok: true, reservationId: row.reservation_id!, repeated: true };
    case "insufficient_seats":
      return { ok: false, reason: "insufficient_seats", availableSeats: row.available_seats! };
    default:
      return { ok: false, reason: row.outcome };
  }
}
