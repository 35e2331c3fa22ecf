import * as z from "zod/mini";
import { trimmedLine, trimmedMultiline } from "@/lib/validation/mini-text";

// zod/mini: the booking form runs these schemas in the browser too (issue 14's weight budget).

/** A party: a JSON integer 1..max. No strings, arrays or booleans: coercion is the form's job. */
export function partySize(maxPartySize: number) {
  return z
    .int({ error: "invalid_number" })
    .check(z.minimum(1, "party_size_min"), z.maximum(maxPartySize, "party_size_max"));
}

/**
 * What a visitor submits to book; the JSON API parses bodies with it as it is, and the
 * booking form (publicBookingInput) adapts it to text fields. Strict: unknown fields
 * (e.g. `status`) are rejected. The name is one line without control characters: it is
 * echoed in the greeting of emails sent to any address.
 */
export function bookingInput(maxPartySize: number) {
  return z.strictObject({
    name: trimmedLine(z.minLength(1, "required"), z.maxLength(200, "too_long")),
    email: z.pipe(
      z.string().check(z.trim(), z.maxLength(254, "too_long")),
      z.email("invalid_email"),
    ),
    phone: z._default(
      z
        .string()
        .check(z.trim(), z.maxLength(40, "too_long"), z.regex(/^[+()0-9 .-]*$/, "invalid_phone")),
      "",
    ),
    party_size: partySize(maxPartySize),
    notes: z._default(trimmedMultiline(z.maxLength(1000, "too_long")), ""),
  });
}

export type BookingInput = z.infer<ReturnType<typeof bookingInput>>;
