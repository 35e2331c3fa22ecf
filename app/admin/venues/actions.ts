"use server";

import { redirect } from "next/navigation";
import { deleteFailure, saveFailure } from "@/app/admin/form-outcome";
import { adminContext } from "@/web/admin-context";
import { formObject } from "@/lib/admin/form-fields";
import type { FormState } from "@/lib/admin/form-state";
import { deleteVenue, saveVenue } from "@/lib/admin/venues";
import { db } from "@/lib/db";

export async function saveVenueAction(
  id: number | null,
  _state: FormState,
  formData: FormData,
): Promise<FormState> {
  const { user, t } = await adminContext(id ? `/admin/venues/${id}` : "/admin/venues/new");
  const result = await saveVenue({
    db,
    actor: user,
    id: id ?? undefined,
    input: formObject(formData),
  });
  if (!result.ok) return saveFailure(result, t, formData);
  redirect("/admin/venues?notice=venue_saved");
}

export async function deleteVenueAction(id: number): Promise<FormState> {
  const { user, t } = await adminContext(`/admin/venues/${id}`);
  const result = await deleteVenue({ db, actor: user, id });
  if (!result.ok) return deleteFailure(result, t, "venue");
  redirect("/admin/venues?notice=venue_deleted");
}
