import * as z from "zod/mini";
import { cleanLineText, cleanMultilineText } from "@/lib/validation/clean-text";

// The text fields of lib/validation/text.ts for schemas that also run in the browser:
// zod/mini ships about a fifth of classic zod's weight to the booking page.
type StringCheck = z.core.$ZodCheck<string>;

/** One line, cleaned (text.ts lineText) and trimmed, then the given checks. */
export const trimmedLine = (...checks: StringCheck[]) =>
  z.string().check(z.overwrite(cleanLineText), z.trim(), ...checks);

/** Text that may span lines, cleaned and trimmed, then the given checks. */
export const trimmedMultiline = (...checks: StringCheck[]) =>
  z.string().check(z.overwrite(cleanMultilineText), z.trim(), ...checks);
