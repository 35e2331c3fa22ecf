"use server";

import { deleteFromForm, saveFromForm } from "@/app/admin/crud-actions";
import { showsSection } from "@/app/admin/sections";
import type { FormState } from "@/lib/admin/form-state";

// Public POST endpoints: saveFromForm and deleteFromForm parse every argument first.

export async function saveShowAction(
  id: number | null,
  state: FormState,
  formData: FormData,
): Promise<FormState> {
  return saveFromForm(showsSection, [id, state, formData]);
}

export async function deleteShowAction(id: number): Promise<FormState> {
  return deleteFromForm(showsSection, id);
}
