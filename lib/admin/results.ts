import type { FieldErrors } from "@/lib/admin/form-fields";
import { isUniqueViolation } from "@/lib/prisma-errors";

/** Outcome of a create or update: the row's id, or why nothing was written. */
export type SaveResult =
  | { ok: true; id: number }
  | { ok: false; reason: "invalid"; fieldErrors: FieldErrors }
  | { ok: false; reason: "not_found" };

/**
 * Outcome of a delete. PROTECT, as in the seed: a show or venue with performances,
 * or a performance with reservations, stays; `count` says how many depend on it.
 */
export type DeleteResult =
  | { ok: true }
  | { ok: false; reason: "not_found" }
  | { ok: false; reason: "has_performances" | "has_reservations"; count: number };

export const invalid = (fieldErrors: FieldErrors) =>
  ({ ok: false, reason: "invalid", fieldErrors }) as const;

/** Runs a save; a unique-index race on the slug (two admins at once) becomes a field error. */
export async function refusingSlugRace<T>(
  save: () => Promise<T>,
): Promise<T | ReturnType<typeof invalid>> {
  try {
    return await save();
  } catch (error) {
    if (isUniqueViolation(error)) return invalid({ slug: ["slug_taken"] });
    throw error;
  }
}
