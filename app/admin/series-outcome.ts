import { resubmittableValues } from "@/lib/admin/form-fields";
import type { FormState } from "@/lib/admin/form-state";
import type { SeriesProblem } from "@/lib/admin/performance-series";
import { MAX_SERIES } from "@/lib/admin/performance-series-input";
import { fill } from "@/lib/i18n/fill";
import type { AdminMessages } from "@/lib/i18n/messages/admin";
import type { BoxOfficeMessages } from "@/lib/i18n/messages/box-office";

/**
 * A refused series as form state: every date that broke a rule, named with its reason
 * in the admin's language, on the field it came from; nothing was created.
 */
export function seriesRefusal(
  problems: SeriesProblem[],
  t: AdminMessages,
  b: BoxOfficeMessages,
  formData: FormData,
): FormState {
  const texts: Record<string, string> = { ...t.errors, ...b.errors };
  const describe = (problem: SeriesProblem) => {
    const text = fill(texts[problem.code] ?? problem.code, { max: MAX_SERIES });
    return problem.value && problem.code !== "too_many_dates" ? `${problem.value}: ${text}` : text;
  };
  const fieldErrors: Record<string, string[]> = {};
  for (const problem of problems) (fieldErrors[problem.field] ??= []).push(describe(problem));
  // One message per field: the form shows the first error of each.
  for (const field of Object.keys(fieldErrors))
    fieldErrors[field] = [fieldErrors[field].join(" · ")];
  return {
    status: "error",
    message: fill(b.series.refused, { problems: problems.map(describe).join(" · ") }),
    fieldErrors,
    values: resubmittableValues(formData),
  };
}
