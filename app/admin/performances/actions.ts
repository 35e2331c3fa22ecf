"use server";

import { deleteFromForm, saveFromForm } from "@/app/admin/crud-actions";
import { performancesSection } from "@/app/admin/sections";
import type { FormState } from "@/lib/admin/form-state";

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
