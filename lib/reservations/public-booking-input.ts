import { z } from "zod";
import { bookingInput } from "@/lib/reservations/booking-input";

/**
 * The booking form: the API's bookingInput plus the privacy consent a visitor must give.
 * The form passes `min(MAX_PARTY_SIZE, seats left)` as the maximum; the server action
 * passes MAX_PARTY_SIZE and leaves the seats to the domain, which counts them fresh.
 */
export function publicBookingInput(maxPartySize: number) {
  return bookingInput(maxPartySize).extend({
    privacy_consent: z.literal(true, { error: "privacy_required" }),
  });
}

export type PublicBookingFields = keyof z.input<ReturnType<typeof publicBookingInput>>;

export const PUBLIC_BOOKING_FIELDS = [
  "name",
  "email",
  "phone",
  "party_size",
  "notes",
  "privacy_consent",
] as const satisfies readonly PublicBookingFields[];

/** A posted form as the schema's input: only the known fields, the checkbox as a boolean. */
export function bookingFormValues(
  formData: FormData,
): Record<PublicBookingFields, string | boolean> {
  const text = (name: string) => {
    const value = formData.get(name);
    return typeof value === "string" ? value : "";
  };
  return {
    name: text("name"),
    email: text("email"),
    phone: text("phone"),
    party_size: text("party_size"),
    notes: text("notes"),
    privacy_consent: formData.get("privacy_consent") === "on",
  };
}
