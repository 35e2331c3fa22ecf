"use server";

import { redirect } from "next/navigation";
import { deleteFailure, refusedArguments, saveFailure } from "@/app/admin/form-outcome";
import { adminContext } from "@/web/admin-context";
import { formObject, resubmittableValues } from "@/lib/admin/form-fields";
import type { FormState } from "@/lib/admin/form-state";
import { deletePerformance, savePerformance } from "@/lib/admin/performances";
import { db } from "@/lib/db";
import { fill } from "@/lib/i18n/fill";
import {
  actionId,
  formDataArg,
  parseActionArgs,
  previousState,
} from "@/lib/validation/action-args";
import { tokenSettings } from "@/web/settings";

export async function savePerformanceAction(
  id: number | null,
  state: FormState,
  formData: FormData,
): Promise<FormState> {
  const args = parseActionArgs(
    [actionId.nullable(), previousState, formDataArg],
    [id, state, formData],
  );
  const { user, t, timeZone } = await adminContext(
    args?.[0] ? `/admin/performances/${args[0]}` : "/admin/performances/new",
  );
  if (!args) return refusedArguments(t);
  const [performanceId, , form] = args;
  const result = await savePerformance({
    db,
    actor: user,
    id: performanceId ?? undefined,
    input: formObject(form),
    timeZone,
    tokenSettings: tokenSettings(),
  });
  if (!result.ok && result.reason === "capacity_below_confirmed") {
    const message = fill(t.refusals.capacity_below_confirmed, {
      confirmed: result.confirmedSeats,
      capacity: result.capacity,
    });
    return {
      status: "error",
      message,
      fieldErrors: { roomCapacity: [message] },
      values: resubmittableValues(form),
    };
  }
  if (!result.ok) return saveFailure(result, t, form);
  redirect(`/admin/performances/${result.id}?notice=performance_saved`);
}

export async function deletePerformanceAction(id: number): Promise<FormState> {
  const args = parseActionArgs([actionId], [id]);
  const { user, t } = await adminContext(
    args ? `/admin/performances/${args[0]}` : "/admin/performances",
  );
  if (!args) return refusedArguments(t);
  const result = await deletePerformance({ db, actor: user, id: args[0] });
  if (!result.ok) return deleteFailure(result, t, "performance");
  redirect("/admin/performances?notice=performance_deleted");
}
