"use server";

import { deleteFromForm, saveFromForm } from "@/app/admin/crud-actions";
import { performancesSection } from "@/app/admin/sections";
import { redirect } from "next/navigation";
import { refusedArguments, saveFailure } from "@/app/admin/form-outcome";
import { seriesRefusal } from "@/app/admin/series-outcome";
import { formObject } from "@/lib/admin/form-fields";
import type { FormState } from "@/lib/admin/form-state";
import { createPerformanceSeries } from "@/lib/admin/performance-series";
import { db } from "@/lib/db";
import * as boxOffice from "@/lib/i18n/messages/box-office";
import { formDataArg, parseActionArgs, previousState } from "@/lib/validation/action-args";
import { adminContext } from "@/web/admin-context";

// Public POST endpoints: saveFromForm and deleteFromForm parse every argument first.

export async function savePerformanceAction(
  id: number | null,
  state: FormState,
  formData: FormData,
): Promise<FormState> {
  return saveFromForm(performancesSection, [id, state, formData]);
}

export async function deletePerformanceAction(id: number): Promise<FormState> {
  return deleteFromForm(performancesSection, id);
}

/** The new-performance form `(state, formData)`: one performance or a series, all or none. */
export async function createPerformancesAction(
  ...rawArgs: [state: FormState, formData: FormData]
): Promise<FormState> {
  const args = parseActionArgs([previousState, formDataArg], rawArgs);
  const context = await adminContext("/admin/performances/new");
  if (!args) return refusedArguments(context.t);
  const [, form] = args;
  const result = await createPerformanceSeries({
    db,
    actor: context.user,
    input: formObject(form),
    timeZone: context.timeZone,
  });
  if (result.ok)
    redirect(
      result.ids.length === 1
        ? `/admin/performances/${result.ids[0]}?notice=performance_saved`
        : `/admin/performances?notice=performances_created`,
    );
  if (result.reason === "invalid") return saveFailure(result, context.t, form);
  return seriesRefusal(result.problems, context.t, boxOffice[context.locale], form);
}
