import { z } from "zod";
import { checkbox, chosenId, optionalText, requiredText } from "@/lib/admin/form-fields";

// The box office's forms (issue 17): one schema per form, parsed by the browser's
// resolver and by the server action (FormData: strings, "on" for a ticked box).
// Issue messages are codes the admin form translates.

/** Admin bookings: a phone call, someone at the desk, a guest (press, company). */
export const ADMIN_CHANNELS = ["phone", "walk_in", "guest"] as const;
export type AdminChannel = (typeof ADMIN_CHANNELS)[number];

/** A school group or a press block can be larger than a visitor's party; a typo of 5000 cannot. */
export const ADMIN_PARTY_MAX = 200;

export const EMAIL_LOCALES = ["it", "en"] as const;

const emptyToUndefined = (value: unknown) => (value === "" || value === null ? undefined : value);

const partySize = z.preprocess(
  emptyToUndefined,
  z.coerce
    .number({ error: "whole_number" })
    .int("whole_number")
    .min(1, "party_size_min")
    .max(ADMIN_PARTY_MAX, "too_large"),
);

/** Optional: a walk-in may leave none; needed to send the ticket. */
const optionalEmail = z.preprocess(
  (value) => value ?? "",
  z
    .string()
    .trim()
    .max(254, "too_long")
    .refine((email) => email === "" || z.email().safeParse(email).success, "invalid_email"),
);

const optionalPhone = z.preprocess(
  (value) => value ?? "",
  z
    .string()
    .trim()
    .max(40, "too_long")
    .regex(/^[+()0-9 .-]*$/, "invalid_phone"),
);

const contact = {
  name: requiredText(200),
  email: optionalEmail,
  phone: optionalPhone,
  party_size: partySize,
  notes: optionalText(1000),
  locale: z.enum(EMAIL_LOCALES, { error: "invalid_choice" }),
  /** Guests only: confirm even when the party does not fit (audited). */
  overrideCapacity: checkbox,
};

export const adminBookingInput = z
  .object({
    performanceId: chosenId,
    channel: z.enum(ADMIN_CHANNELS, { error: "invalid_choice" }),
    ...contact,
    /** Queue the ticket email in the booking's transaction. */
    sendEmail: checkbox,
  })
  .refine((input) => !input.sendEmail || input.email !== "", {
    path: ["email"],
    message: "email_needed_to_send",
  })
  .refine((input) => !input.overrideCapacity || input.channel === "guest", {
    path: ["overrideCapacity"],
    message: "override_guests_only",
  });

export type AdminBookingInput = z.output<typeof adminBookingInput>;

/** Party size, contact details and notes of an existing reservation. */
export const reservationEditInput = z.object(contact);

export type ReservationEditInput = z.output<typeof reservationEditInput>;

export const reservationMoveInput = z.object({
  performanceId: chosenId,
  /** Confirmed reservations: email a new ticket naming the new date. */
  sendEmail: checkbox,
});

export type ReservationMoveInput = z.output<typeof reservationMoveInput>;
