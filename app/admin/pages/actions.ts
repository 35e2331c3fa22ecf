"use server";

import { redirect } from "next/navigation";
import { saveFailure } from "@/app/admin/form-outcome";
import { adminContext } from "@/web/admin-context";
import { formObject } from "@/lib/admin/form-fields";
import type { FormState } from "@/lib/admin/form-state";
import { deletePage, savePage } from "@/lib/admin/pages";
import { db } from "@/lib/db";

export async function savePageAction(
  id: number | null,
  _state: FormState,
  formData: FormData,
): Promise<FormState> {
  const { user, t } = await adminContext(id ? `/admin/pages/${id}` : "/admin/pages/new");
  const result = await savePage({
    db,
    actor: user,
    id: id ?? undefined,
    input: formObject(formData),
  });
  if (!result.ok) return saveFailure(result, t, formData);
  redirect("/admin/pages?notice=page_saved");
}

export async function deletePageAction(id: number): Promise<FormState> {
  const { user, t } = await adminContext(`/admin/pages/${id}`);
  const result = await deletePage({ db, actor: user, id });
  if (!result.ok) return { status: "error", message: t.common.notFound };
  redirect("/admin/pages?notice=page_deleted");
}
