import type { FieldErrors } from "@/lib/admin/form-fields";

/**
 * What an admin server action hands back to its form. Never a password, token or stack
 * trace: `message` is already in the admin's language, `fieldErrors` holds codes of
 * the admin dictionary's `errors` (or translated texts).
 */
export type FormState =
  | { status: "idle" }
  | { status: "error"; message: string; fieldErrors?: FieldErrors }
  | { status: "ok"; message: string };

export const IDLE: FormState = { status: "idle" };
