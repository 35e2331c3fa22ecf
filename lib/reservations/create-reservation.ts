import { availabilityOf, confirmedSeatsByPerformance } from "@/lib/availability";
import type { Db } from "@/lib/db";
import type { BookingInput } from "@/lib/reservations/booking-input";
import { issueConfirmationToken } from "@/lib/reservations/reservation-tokens";

export type CreateReservationResult =
  | { ok: true; reservationId: number; confirmationToken: string; expiresAt: Date }
  | {
      ok: false;
      reason: "performance_not_found" | "booking_closed" | "insufficient_seats";
      availableSeats?: number;
    };

/**
 * Creates a pending reservation and its confirmation token. Pending reservations hold
 * no seats: this check only refuses what could never be confirmed; the authoritative
 * check happens under lock in confirmReservation.
 */
export async function createReservation({
  db,
  performanceId,
  input,
  locale,
  now = new Date(),
  confirmationTtlHours,
}: {
  db: Db;
  performanceId: number;
  input: BookingInput;
  locale: string;
  now?: Date;
  confirmationTtlHours: number;
}): Promise<CreateReservationResult> {
  const performance = await db.performance.findFirst({
    where: { id: performanceId, show: { isPublished: true } },
    select: {
      id: true,
      startsAt: true,
      isBookingEnabled: true,
      roomCapacity: true,
      additionalSeats: true,
      manuallyOccupiedSeats: true,
    },
  });
  if (!performance) return { ok: false, reason: "performance_not_found" };
  if (!performance.isBookingEnabled || performance.startsAt <= now)
    return { ok: false, reason: "booking_closed" };

  const confirmed = await confirmedSeatsByPerformance(db, [performanceId]);
  const { availableSeats } = availabilityOf(performance, confirmed.get(performanceId) ?? 0);
  if (input.party_size > availableSeats)
    return { ok: false, reason: "insufficient_seats", availableSeats };

  const reservation = await db.reservation.create({
    data: {
      performanceId,
      name: input.name,
      email: input.email,
      phone: input.phone,
      partySize: input.party_size,
      notes: input.notes,
      locale,
    },
    select: { id: true },
  });
  const token = await issueConfirmationToken({
    db,
    reservationId: reservation.id,
    performanceStartsAt: performance.startsAt,
    now,
    confirmationTtlHours,
  });
  return {
    ok: true,
    reservationId: reservation.id,
    confirmationToken: token.rawToken,
    expiresAt: token.expiresAt,
  };
}
