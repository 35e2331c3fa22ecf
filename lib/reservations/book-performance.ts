import type { PrismaClient } from "@/lib/db";
import { sendConfirmationEmail } from "@/lib/mail/reservation-emails";
import type { MailTransport } from "@/lib/mail/transport";
import type { BookingInput } from "@/lib/reservations/booking-input";
import {
  createReservation,
  type CreateReservationResult,
} from "@/lib/reservations/create-reservation";
import type { TokenSettings } from "@/lib/reservations/token-settings";

export type BookPerformanceResult =
  | Exclude<CreateReservationResult, { ok: true }>
  | { ok: true; reservationId: number; emailSent: boolean };

/**
 * The visitor's booking, shared by the form's server action and the JSON API: a pending
 * reservation and its confirmation email. The raw token goes into the email only, never
 * back to the caller. A failed send leaves the reservation pending (`emailSent: false`)
 * and the visitor can ask for a resend. A double submit sends nothing more: the first
 * email is on its way (`emailSent` then says so).
 */
export async function bookPerformance({
  db,
  performanceId,
  input,
  locale,
  settings,
  now = new Date(),
  transport,
}: {
  db: PrismaClient;
  performanceId: number;
  input: BookingInput;
  locale: string;
  settings: TokenSettings;
  now?: Date;
  transport?: MailTransport;
}): Promise<BookPerformanceResult> {
  const created = await createReservation({ db, performanceId, input, locale, settings, now });
  if (!created.ok) return created;
  if ("repeated" in created)
    return { ok: true, reservationId: created.reservationId, emailSent: true };
  const sent = await sendConfirmationEmail({
    db,
    reservationId: created.reservationId,
    confirmationToken: created.confirmationToken,
    transport,
  });
  return { ok: true, reservationId: created.reservationId, emailSent: sent.ok };
}
