"use server";

import { redirect } from "next/navigation";
import { deleteFailure, saveFailure } from "@/app/admin/form-outcome";
import { adminContext } from "@/web/admin-context";
import { formObject, resubmittableValues } from "@/lib/admin/form-fields";
import type { FormState } from "@/lib/admin/form-state";
import { deletePerformance, savePerformance } from "@/lib/admin/performances";
import { db } from "@/lib/db";
import { fill } from "@/lib/i18n/fill";
import { tokenSettings } from "@/web/settings";

export async function savePerformanceAction(
  id: number | null,
  _state: FormState,
  formData: FormData,
): Promise<FormState> {
  const { user, t, timeZone } = await adminContext(
    id ? `/admin/performances/${id}` : "/admin/performances/new",
  );
  const result = await savePerformance({
    db,
    actor: user,
    id: id ?? undefined,
    input: formObject(formData),
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
      values: resubmittableValues(formData),
    };
  }
  if (!result.ok) return saveFailure(result, t, formData);
  redirect(`/admin/performances/${result.id}?notice=performance_saved`);
}

export async function deletePerformanceAction(id: number): Promise<FormState> {
  const { user, t } = await adminContext(`/admin/performances/${id}`);
  const result = await deletePerformance({ db, actor: user, id });
  if (!result.ok) return deleteFailure(result, t, "performance");
  redirect("/admin/performances?notice=performance_deleted");
}
