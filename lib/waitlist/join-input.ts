import * as z from "zod/mini";
import { bookingInput, partySize } from "@/lib/reservations/booking-input";
import { digitsToNumber } from "@/lib/reservations/public-booking-input";

/**
 * Joining the waiting list: the booking's name, email and party rules (one schema shape,
 * the same messages), plus the privacy consent. Used by the form and the server action.
 */
export function waitlistJoinInput(maxPartySize: number) {
  return z.extend(z.pick(bookingInput(maxPartySize), { name: true, email: true }), {
    party_size: z.pipe(z.transform(digitsToNumber), partySize(maxPartySize)),
    privacy_consent: z.literal(true, { error: "privacy_required" }),
  });
}

export type WaitlistJoinFields = keyof z.input<ReturnType<typeof waitlistJoinInput>>;

export type WaitlistJoin = { name: string; email: string; party_size: number };

/** A posted form as the schema's input: only the known fields, the checkbox as a boolean. */
export function waitlistFormValues(
  formData: FormData,
): Record<WaitlistJoinFields, string | boolean> {
  const text = (name: string) => {
    const value = formData.get(name);
    return typeof value === "string" ? value : "";
  };
  return {
    name: text("name"),
    email: text("email"),
    party_size: text("party_size"),
    privacy_consent: formData.get("privacy_consent") === "on",
  };
}
