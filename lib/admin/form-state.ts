import type { FieldErrors } from "@/lib/admin/form-fields";

/**
 * What an admin server action hands back to its form. Never a password, token or stack
 * trace: `message` is already in the admin's language, `fieldErrors` holds codes of
 * the admin dictionary's `errors` (or translated texts).
 */
export type FormState =
  | { status: "idle" }
  /** `values`: what was submitted, minus passwords, to refill a form rendered without JavaScript. */
  | { status: "error"; message: string; fieldErrors?: FieldErrors; values?: Record<string, string> }
  | { status: "ok"; message: string };

export const IDLE: FormState = { status: "idle" };

/** A server action as `useActionState` calls it. */
export type FormAction = (state: FormState, formData: FormData) => Promise<FormState>;
