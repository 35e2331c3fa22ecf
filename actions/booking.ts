"use server";

import { headers } from "next/headers";
import { z } from "zod";
import { config } from "@/lib/config";
import { db } from "@/lib/db";
import { clientAddress } from "@/web/http/client-address";
import { getLocale } from "@/web/i18n/locale";
import { consumeRateLimits } from "@/lib/rate-limit";
import { bookPerformance } from "@/lib/reservations/book-performance";
import {
  bookingFormValues,
  checkBookingForm,
  type BookingFieldErrors,
  type PublicBookingFields,
} from "@/lib/reservations/public-booking-input";
import { resendReservationLink } from "@/lib/reservations/resend-links";
import { tokenSettings } from "@/web/settings";
import {
  actionId,
  formDataArg,
  parseActionArgs,
  previousState,
} from "@/lib/validation/action-args";
import { rowId } from "@/lib/validation/text";

/** The hidden fields of the "check your email" panel. */
const resendFields = z.object({
  reservation_id: z
    .string()
    .regex(/^\d{1,10}$/)
    .transform(Number)
    .pipe(rowId),
  email: z.string().trim().min(1).max(254).pipe(z.email()),
});

/** Error codes, not texts: the form words them in the visitor's language (lib/i18n/messages/public.ts). */
export type BookingFormState =
  | { status: "idle" }
  | {
      status: "invalid";
      errors: BookingFieldErrors;
      values: Record<PublicBookingFields, string | boolean>;
      refusal?: "booking_closed" | "performance_not_found" | "rate_limited";
      seatsLeft?: number;
      retryAfterMinutes?: number;
    }
  | {
      status: "sent";
      reservationId: number;
      email: string;
      emailSent: boolean;
      resend?: ResendOutcome;
    };

export type ResendOutcome =
  | { status: "resent" | "failed" | "closed" }
  | { status: "rate_limited"; retryAfterMinutes: number };

/**
 * The booking form's one action: a booking, or (intent=resend, from the "check your
 * email" panel) a resend of its link. One action keeps the panel's state across a
 * resend even without JavaScript, where each post re-renders the page from its result.
 */
export async function submitBooking(
  performanceId: number,
  previous: BookingFormState,
  formData: FormData,
): Promise<BookingFormState> {
  const args = parseActionArgs(
    [actionId, previousState, formDataArg],
    [performanceId, previous, formData],
  );
  if (!args) return { status: "idle" };
  const [id, , form] = args;
  if (form.get("intent") === "resend") return resendFromPanel(form);
  const values = bookingFormValues(form);
  const limit = await consumeRateLimits([["booking", clientAddress(await headers())]]);
  if (!limit.ok)
    return {
      status: "invalid",
      errors: {},
      values,
      refusal: "rate_limited",
      retryAfterMinutes: Math.ceil(limit.retryAfterSeconds / 60),
    };

  const parsed = checkBookingForm(config().MAX_PARTY_SIZE, values);
  if (!parsed.ok) return { status: "invalid", errors: parsed.errors, values };
  const { privacy_consent: _consent, ...input } = parsed.data;
  const result = await bookPerformance({
    db,
    performanceId: id,
    input,
    locale: await getLocale(),
    settings: tokenSettings(),
  });
  if (result.ok)
    return {
      status: "sent",
      reservationId: result.reservationId,
      email: input.email,
      // Queued with the booking: the runner delivers it after this response.
      emailSent: true,
    };
  if (result.reason === "insufficient_seats")
    return {
      status: "invalid",
      errors: { party_size: "insufficient_seats" },
      values,
      seatsLeft: result.availableSeats ?? 0,
    };
  return { status: "invalid", errors: {}, values, refusal: result.reason };
}

/**
 * "Send the email again" after booking. The reservation id and the address must match,
 * so a guessed id alone sends nothing; limited per reservation and per client address.
 */
async function resendFromPanel(formData: FormData): Promise<BookingFormState> {
  const fields = resendFields.safeParse({
    reservation_id: formData.get("reservation_id"),
    email: formData.get("email"),
  });
  if (!fields.success) return { status: "idle" };
  const { reservation_id: reservationId, email } = fields.data;
  const sent = (resend: ResendOutcome): BookingFormState => ({
    status: "sent",
    reservationId,
    email,
    emailSent: resend.status === "resent",
    resend,
  });

  const limit = await consumeRateLimits([
    ["resend", `reservation:${reservationId}`],
    ["resend", `address:${clientAddress(await headers())}`],
  ]);
  if (!limit.ok)
    return sent({
      status: "rate_limited",
      retryAfterMinutes: Math.ceil(limit.retryAfterSeconds / 60),
    });

  const result = await resendReservationLink({
    db,
    reservationId,
    ownerEmail: email,
    only: "confirmation",
    settings: tokenSettings(),
  });
  // The panel is for the pending booking it was shown for: a ticket is resent from /lost-ticket.
  if (!result.ok || result.kind !== "confirmation") return sent({ status: "closed" });
  return sent({ status: "resent" });
}
