"use server";

import { deleteFromForm, saveFromForm } from "@/app/admin/crud-actions";
import { pagesSection } from "@/app/admin/sections";
import type { FormState } from "@/lib/admin/form-state";

// Public POST endpoints: saveFromForm and deleteFromForm parse every argument first.

export async function savePageAction(
  id: number | null,
  state: FormState,
  formData: FormData,
): Promise<FormState> {
  return saveFromForm(pagesSection, [id, state, formData]);
}

export async function deletePageAction(id: number): Promise<FormState> {
  return deleteFromForm(pagesSection, id);
}
