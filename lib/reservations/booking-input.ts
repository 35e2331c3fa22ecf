import { z } from "zod";
import { lineText, multilineText } from "@/lib/validation/text";

/** A party: a JSON integer 1..max. No strings, arrays or booleans: coercion is the form's job. */
export function partySize(maxPartySize: number) {
  return z
    .number({ error: "invalid_number" })
    .int("invalid_number")
    .min(1, "party_size_min")
    .max(maxPartySize, "party_size_max");
}

/**
 * What a visitor submits to book; the JSON API parses bodies with it as it is, and the
 * booking form (publicBookingInput) adapts it to text fields. Strict: unknown fields
 * (e.g. `status`) are rejected. The name is one line without control characters: it is
 * echoed in the greeting of emails sent to any address.
 */
export function bookingInput(maxPartySize: number) {
  return z.strictObject({
    name: lineText().trim().min(1, "required").max(200, "too_long"),
    email: z.string().trim().max(254, "too_long").pipe(z.email("invalid_email")),
    phone: z
      .string()
      .trim()
      .max(40, "too_long")
      .regex(/^[+()0-9 .-]*$/, "invalid_phone")
      .default(""),
    party_size: partySize(maxPartySize),
    notes: multilineText().trim().max(1000, "too_long").default(""),
  });
}

export type BookingInput = z.infer<ReturnType<typeof bookingInput>>;
