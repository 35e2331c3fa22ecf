"use server";

import { headers } from "next/headers";
import { config } from "@/lib/config";
import { db } from "@/lib/db";
import { clientAddress } from "@/web/http/client-address";
import { getLocale } from "@/web/i18n/locale";
import { consumeRateLimits } from "@/lib/rate-limit";
import { bookPerformance } from "@/lib/reservations/book-performance";
import {
  bookingFormValues,
  publicBookingInput,
  type PublicBookingFields,
} from "@/lib/reservations/public-booking-input";
import { resendReservationLink } from "@/lib/reservations/resend-links";
import { tokenSettings } from "@/web/settings";

/** Error codes, not texts: the form words them in the visitor's language (lib/i18n/messages/public.ts). */
export type BookingFormState =
  | { status: "idle" }
  | {
      status: "invalid";
      errors: Partial<Record<PublicBookingFields, string>>;
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
  _previous: BookingFormState,
  formData: FormData,
): Promise<BookingFormState> {
  if (formData.get("intent") === "resend") return resendFromPanel(formData);
  const values = bookingFormValues(formData);
  const limit = await consumeRateLimits([["booking", clientAddress(await headers())]]);
  if (!limit.ok)
    return {
      status: "invalid",
      errors: {},
      values,
      refusal: "rate_limited",
      retryAfterMinutes: Math.ceil(limit.retryAfterSeconds / 60),
    };

  const parsed = publicBookingInput(config().MAX_PARTY_SIZE).safeParse(values);
  if (!parsed.success) {
    const errors: Partial<Record<PublicBookingFields, string>> = {};
    for (const issue of parsed.error.issues)
      errors[issue.path[0] as PublicBookingFields] ??= issue.message;
    return { status: "invalid", errors, values };
  }
  const { privacy_consent: _consent, ...input } = parsed.data;
  const result = await bookPerformance({
    db,
    performanceId,
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
  const reservationId = Number(formData.get("reservation_id"));
  const email = String(formData.get("email") ?? "").trim();
  const sent = (resend: ResendOutcome): BookingFormState => ({
    status: "sent",
    reservationId,
    email,
    emailSent: resend.status === "resent",
    resend,
  });
  if (!Number.isSafeInteger(reservationId) || reservationId <= 0 || !email)
    return { status: "idle" };

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
    settings: tokenSettings(),
  });
  // The panel is for the pending booking it was shown for: a ticket is resent from /lost-ticket.
  if (!result.ok || result.kind !== "confirmation") return sent({ status: "closed" });
  return sent({ status: "resent" });
}
