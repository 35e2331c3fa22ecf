import type { PrismaClient } from "@/lib/db";
import type { BookingInput } from "@/lib/reservations/booking-input";
import {
  createReservation,
  type CreateReservationResult,
} from "@/lib/reservations/create-reservation";
import type { TokenSettings } from "@/lib/reservations/token-settings";

export type BookPerformanceResult =
  Exclude<CreateReservationResult, { ok: true }> | { ok: true; reservationId: number };

/**
 * The visitor's booking, shared by the form's server action and the JSON API: a pending
 * reservation whose confirmation email is queued in the same transaction, and delivered
 * by the job runner after the response (the page says it is on its way). The raw token
 * goes into the email only, never back to the caller. A double submit queues nothing
 * more: the first email is on its way.
 */
export async function bookPerformance({
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
}): Promise<BookPerformanceResult> {
  const created = await createReservation({ db, performanceId, input, locale, settings, now });
  if (!created.ok) return created;
  return { ok: true, reservationId: created.reservationId };
}
