"use server";

import { deleteFromForm, saveFromForm } from "@/app/admin/crud-actions";
import { venuesSection } from "@/app/admin/sections";
import type { FormState } from "@/lib/admin/form-state";

// Public POST endpoints: saveFromForm and deleteFromForm parse every argument first.

export async function saveVenueAction(
  id: number | null,
  state: FormState,
  formData: FormData,
): Promise<FormState> {
  return saveFromForm(venuesSection, [id, state, formData]);
}

export async function deleteVenueAction(id: number): Promise<FormState> {
  return deleteFromForm(venuesSection, id);
}
