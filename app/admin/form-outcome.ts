import { resubmittableValues } from "@/lib/admin/form-fields";
import type { FormState } from "@/lib/admin/form-state";
import type { DeleteResult, SaveResult } from "@/lib/admin/results";
import type { SavePerformanceResult } from "@/lib/admin/performances";
import type { UpdateUserResult } from "@/lib/admin/users";
import { fill } from "@/lib/i18n/fill";
import type { AdminMessages } from "@/lib/i18n/messages/admin";

type Failed<T> = Extract<T, { ok: false }>;
type SaveRefusal = Failed<SaveResult | SavePerformanceResult | UpdateUserResult>;

/**
 * The one table from a refused save to form state: field errors stay on their fields, and
 * what was typed (never a password) goes back to refill a form rendered without JavaScript.
 */
export function saveFailure(result: SaveRefusal, t: AdminMessages, formData: FormData): FormState {
  const values = resubmittableValues(formData);
  switch (result.reason) {
    case "invalid":
      return {
        status: "error",
        message: t.common.fixFields,
        fieldErrors: result.fieldErrors,
        values,
      };
    case "capacity_below_confirmed": {
      const message = fill(t.refusals.capacity_below_confirmed, {
        confirmed: result.confirmedSeats,
        capacity: result.capacity,
      });
      return { status: "error", message, fieldErrors: { roomCapacity: [message] }, values };
    }
    case "cannot_change_own_access":
      return { status: "error", message: t.refusals.cannot_change_own_access, values };
    case "not_found":
      return { status: "error", message: t.common.notFound };
  }
}

/** A refused delete as form state, with the PROTECT reason and how many rows depend on it. */
export function deleteFailure(
  result: Failed<DeleteResult>,
  t: AdminMessages,
  entity: "show" | "venue" | "page" | "performance",
): FormState {
  if (result.reason === "not_found") return { status: "error", message: t.common.notFound };
  const key = `${entity}_${result.reason}` as keyof AdminMessages["refusals"];
  return { status: "error", message: fill(t.refusals[key], { count: result.count }) };
}

/** Arguments no form of ours sends (`1.5` as an id, no FormData): nothing is read or written. */
export function refusedArguments(t: AdminMessages): FormState {
  return { status: "error", message: t.common.notFound };
}
