import { config } from "@/lib/config";
import type { Db } from "@/lib/db";
import { sendConfirmationEmail } from "@/lib/mail/reservation-emails";
import type { MailTransport } from "@/lib/mail/transport";
import type { BookingInput } from "@/lib/reservations/booking-input";
import {
  createReservation,
  type CreateReservationResult,
} from "@/lib/reservations/create-reservation";

export type BookPerformanceResult =
  | Exclude<CreateReservationResult, { ok: true }>
  | { ok: true; reservationId: number; emailSent: boolean };

/**
 * The visitor's booking, shared by the form's server action and the JSON API: a pending
 * reservation and its confirmation email. The raw token goes into the email only, never
 * back to the caller. A failed send leaves the reservation pending (`emailSent: false`)
 * and the visitor can ask for a resend.
 */
export async function bookPerformance({
  db,
  performanceId,
  input,
  locale,
  now = new Date(),
  transport,
}: {
  db: Db;
  performanceId: number;
  input: BookingInput;
  locale: string;
  now?: Date;
  transport?: MailTransport;
}): Promise<BookPerformanceResult> {
  const created = await createReservation({
    db,
    performanceId,
    input,
    locale,
    now,
    confirmationTtlHours: config().CONFIRMATION_TTL_HOURS,
  });
  if (!created.ok) return created;
  const sent = await sendConfirmationEmail({
    db,
    reservationId: created.reservationId,
    confirmationToken: created.confirmationToken,
    transport,
  });
  return { ok: true, reservationId: created.reservationId, emailSent: sent.ok };
}
