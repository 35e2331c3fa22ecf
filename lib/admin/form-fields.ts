import { z } from "zod";
import { lineText, MAX_ROW_ID, multilineText, SLUG_PATTERN } from "@/lib/validation/text";

/**
 * Building blocks of the admin form schemas. Each schema parses both what
 * react-hook-form holds in the browser and what a server action receives as FormData
 * (strings, "on" for a ticked checkbox, nothing for an unticked one), so one schema
 * serves form and server. Issue messages are codes of `errors` in
 * lib/i18n/messages/admin.ts; the form translates them.
 */

/** One line (titles, names, addresses): line breaks become spaces, control characters go. */
export const requiredText = (max: number) =>
  lineText({ error: "required" }).trim().min(1, "required").max(max, "too_long");

/** One optional line. */
export const optionalLine = (max: number) =>
  z.preprocess((value) => value ?? "", lineText().trim().max(max, "too_long"));

/** Optional text that may span lines (descriptions, Markdown bodies, notes). */
export const optionalText = (max: number) =>
  z.preprocess((value) => value ?? "", multilineText().trim().max(max, "too_long"));

/** A slug as in public URLs (lib/validation/text.ts). Empty = generate from the title. */
export const optionalSlug = (max: number) =>
  z.preprocess(
    (value) => value ?? "",
    z
      .string()
      .trim()
      .toLowerCase()
      .max(max, "too_long")
      .refine((slug) => slug === "" || SLUG_PATTERN.test(slug), "invalid_slug"),
  );

export const checkbox = z.preprocess(
  (value) => value === true || value === "on" || value === "true",
  z.boolean(),
);

const emptyToUndefined = (value: unknown) => (value === "" || value === null ? undefined : value);

/** A seat count: a whole number from 0 up. */
export const seatCount = z.preprocess(
  emptyToUndefined,
  z.coerce
    .number({ error: "whole_number" })
    .int("whole_number")
    .min(0, "not_negative")
    .max(100_000, "too_large"),
);

/** The id of a chosen row (a <select> sends it as a string). */
export const chosenId = z.preprocess(
  emptyToUndefined,
  z.coerce
    .number({ error: "required" })
    .int("required")
    .positive("required")
    .max(MAX_ROW_ID, "required"),
);

/** Field errors as codes (or already-translated texts), by field name. */
export type FieldErrors = Partial<Record<string, string[]>>;

export function fieldErrorsOf(error: z.ZodError): FieldErrors {
  return z.flattenError(error).fieldErrors as FieldErrors;
}

/** FormData as a plain object for the schemas (the last value wins for repeated names). */
export function formObject(formData: FormData): Record<string, string> {
  const object: Record<string, string> = {};
  for (const [key, value] of formData.entries()) {
    if (typeof value === "string" && !key.startsWith("$ACTION")) object[key] = value;
  }
  return object;
}

/** What a form submitted, minus passwords: safe to hand back to refill the form. */
export function resubmittableValues(formData: FormData): Record<string, string> {
  const { password: _password, ...values } = formObject(formData);
  return values;
}
