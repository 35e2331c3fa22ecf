import { resubmittableValues } from "@/lib/admin/form-fields";
import type { FormState } from "@/lib/admin/form-state";
import type { DeleteResult, SaveResult } from "@/lib/admin/results";
import { fill } from "@/lib/i18n/fill";
import type { AdminMessages } from "@/lib/i18n/messages/admin";

type Failed<T> = Extract<T, { ok: false }>;

/** A refused save as form state: field errors stay on their fields, typed values in the form. */
export function saveFailure(
  result: Failed<SaveResult>,
  t: AdminMessages,
  formData: FormData,
): FormState {
  if (result.reason === "invalid") {
    return {
      status: "error",
      message: t.common.fixFields,
      fieldErrors: result.fieldErrors,
      values: resubmittableValues(formData),
    };
  }
  return { status: "error", message: t.common.notFound };
}

/** A refused delete as form state, with the PROTECT reason and how many rows depend on it. */
export function deleteFailure(
  result: Failed<DeleteResult>,
  t: AdminMessages,
  entity: "show" | "venue" | "performance",
): FormState {
  if (result.reason === "not_found") return { status: "error", message: t.common.notFound };
  const key = `${entity}_${result.reason}` as keyof AdminMessages["refusals"];
  return { status: "error", message: fill(t.refusals[key], { count: result.count }) };
}

/** Arguments no form of ours sends (`1.5` as an id, no FormData): nothing is read or written. */
export function refusedArguments(t: AdminMessages): FormState {
  return { status: "error", message: t.common.notFound };
}
