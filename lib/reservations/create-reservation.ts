import { readBookablePerformance } from "@/lib/reservations/bookable-performance";
import type { PrismaClient } from "@/lib/db";
import { queueEmail } from "@/lib/mail/email-queue";
import type { BookingInput } from "@/lib/reservations/booking-input";
import { liveConfirmationTokenWhere } from "@/lib/reservations/effective-status";
import { issueToken } from "@/lib/reservations/reservation-tokens";
import type { TokenSettings } from "@/lib/reservations/token-settings";

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

/**
 * Creates a pending reservation, its confirmation token and the job that emails the
 * link, in one transaction (an expiry sweep can never see the reservation without its
 * link; a booking that rolls back sends nothing). Pending reservations
 * hold no seats: the seat check here only refuses what could never be confirmed; the
 * authoritative check happens under lock in confirmReservation.
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
  return db.$transaction(async (tx) => {
    const performance = await readBookablePerformance(tx, performanceId);
    if (!performance) return { ok: false, reason: "performance_not_found" } as const;
    if (!performance.bookingEnabled || performance.cancelled || performance.startsAt <= now)
      return { ok: false, reason: "booking_closed" } as const;
    if (input.party_size > performance.availableSeats)
      return {
        ok: false,
        reason: "insufficient_seats",
        availableSeats: performance.availableSeats,
      } as const;

    await tx.$executeRaw`SELECT pg_advisory_xact_lock(${performanceId}::int, hashtext(lower(${input.email})))`;
    const repeated = await tx.reservation.findFirst({
      where: {
        performanceId,
        status: "pending",
        email: { equals: input.email, mode: "insensitive" },
        name: input.name,
        partySize: input.party_size,
        createdAt: { gt: new Date(now.getTime() - DOUBLE_SUBMIT_SECONDS * 1000) },
        tokens: { some: liveConfirmationTokenWhere(now) },
      },
      select: { id: true },
    });
    if (repeated) return { ok: true, reservationId: repeated.id, repeated: true } as const;

    const reservation = await tx.reservation.create({
      data: {
        performanceId,
        name: input.name,
        email: input.email,
        phone: input.phone,
        partySize: input.party_size,
        notes: input.notes,
        locale,
        createdAt: now,
      },
      // The short booking code is drawn by the insert trigger (new_booking_code), in this transaction.
      select: { id: true, bookingCode: true },
    });
    const token = await issueToken({
      db: tx,
      reservationId: reservation.id,
      purpose: "confirmation",
      settings,
      now,
    });
    await queueEmail(tx, {
      kind: "confirmation",
      reservation: { id: reservation.id },
      rawToken: token.rawToken,
    });
    return {
      ok: true,
      reservationId: reservation.id,
      bookingCode: reservation.bookingCode,
      confirmationToken: token.rawToken,
      expiresAt: token.expiresAt,
    } as const;
  });
}
