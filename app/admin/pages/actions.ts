"use server";

import { redirect } from "next/navigation";
import { refusedArguments, saveFailure } from "@/app/admin/form-outcome";
import { adminContext } from "@/web/admin-context";
import { formObject } from "@/lib/admin/form-fields";
import type { FormState } from "@/lib/admin/form-state";
import { deletePage, savePage } from "@/lib/admin/pages";
import { db } from "@/lib/db";
import {
  actionId,
  formDataArg,
  parseActionArgs,
  previousState,
} from "@/lib/validation/action-args";

export async function savePageAction(
  id: number | null,
  state: FormState,
  formData: FormData,
): Promise<FormState> {
  const args = parseActionArgs(
    [actionId.nullable(), previousState, formDataArg],
    [id, state, formData],
  );
  const { user, t } = await adminContext(
    args?.[0] ? `/admin/pages/${args[0]}` : "/admin/pages/new",
  );
  if (!args) return refusedArguments(t);
  const [pageId, , form] = args;
  const result = await savePage({
    db,
    actor: user,
    id: pageId ?? undefined,
    input: formObject(form),
  });
  if (!result.ok) return saveFailure(result, t, form);
  redirect("/admin/pages?notice=page_saved");
}

export async function deletePageAction(id: number): Promise<FormState> {
  const args = parseActionArgs([actionId], [id]);
  const { user, t } = await adminContext(args ? `/admin/pages/${args[0]}` : "/admin/pages");
  if (!args) return refusedArguments(t);
  const result = await deletePage({ db, actor: user, id: args[0] });
  if (!result.ok) return { status: "error", message: t.common.notFound };
  redirect("/admin/pages?notice=page_deleted");
}
