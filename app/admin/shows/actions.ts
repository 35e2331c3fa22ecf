"use server";

import { redirect } from "next/navigation";
import { deleteFailure, saveFailure } from "@/app/admin/form-outcome";
import { adminContext } from "@/web/admin-context";
import { formObject } from "@/lib/admin/form-fields";
import type { FormState } from "@/lib/admin/form-state";
import { deleteShow, saveShow } from "@/lib/admin/shows";
import { db } from "@/lib/db";

export async function saveShowAction(
  id: number | null,
  _state: FormState,
  formData: FormData,
): Promise<FormState> {
  const { user, t } = await adminContext(id ? `/admin/shows/${id}` : "/admin/shows/new");
  const result = await saveShow({
    db,
    actor: user,
    id: id ?? undefined,
    input: formObject(formData),
  });
  if (!result.ok) return saveFailure(result, t, formData);
  redirect("/admin/shows?notice=show_saved");
}

export async function deleteShowAction(id: number): Promise<FormState> {
  const { user, t } = await adminContext(`/admin/shows/${id}`);
  const result = await deleteShow({ db, actor: user, id });
  if (!result.ok) return deleteFailure(result, t, "show");
  redirect("/admin/shows?notice=show_deleted");
}
