import * as z from "zod/mini";
import { bookingInput, partySize } from "@/lib/reservations/booking-input";

/** A form field holds text: decimal digits become the number, anything else stays and fails. */
export const digitsToNumber = (value: unknown) =>
  typeof value === "string" && /^\s*\d{1,6}\s*$/.test(value) ? Number(value) : value;

/**
 * The booking form: the API's bookingInput plus the privacy consent a visitor must give,
 * with the party size read from its text field.
 * The form passes `min(MAX_PARTY_SIZE, seats left)` as the maximum; the server action
 * passes MAX_PARTY_SIZE and leaves the seats to the domain, which counts them fresh.
 */
export function publicBookingInput(maxPartySize: number) {
  return z.extend(bookingInput(maxPartySize), {
    party_size: z.pipe(z.transform(digitsToNumber), partySize(maxPartySize)),
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

export type BookingFieldErrors = Partial<Record<PublicBookingFields, string>>;

/**
 * The booking form's values checked by its schema: the data, or each field's first error
 * code. The server action and the form in the browser both call it.
 */
export function checkBookingForm(
  maxPartySize: number,
  values: Record<PublicBookingFields, string | boolean>,
):
  | { ok: true; data: z.output<ReturnType<typeof publicBookingInput>> }
  | { ok: false; errors: BookingFieldErrors } {
  const parsed = publicBookingInput(maxPartySize).safeParse(values);
  if (parsed.success) return { ok: true, data: parsed.data };
  const errors: BookingFieldErrors = {};
  for (const issue of parsed.error.issues)
    errors[issue.path[0] as PublicBookingFields] ??= issue.message;
  return { ok: false, errors };
}
