import { z } from "zod";

/**
 * What a visitor submits to book; shared by the booking form (react-hook-form), the
 * server action and the JSON API. Strict: unknown fields (e.g. `status`) are rejected.
 */
export function bookingInput(maxPartySize: number) {
  return z.strictObject({
    name: z.string().trim().min(1, "required").max(200, "too_long"),
    email: z.string().trim().max(254, "too_long").pipe(z.email("invalid_email")),
    phone: z
      .string()
      .trim()
      .max(40, "too_long")
      .regex(/^[+()0-9 .-]*$/, "invalid_phone")
      .default(""),
    party_size: z.coerce
      .number({ error: "invalid_number" })
      .int("invalid_number")
      .min(1, "party_size_min")
      .max(maxPartySize, "party_size_max"),
    notes: z.string().trim().max(1000, "too_long").default(""),
  });
}

export type BookingInput = z.infer<ReturnType<typeof bookingInput>>;
