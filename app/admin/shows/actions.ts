"use server";

import { redirect } from "next/navigation";
import { deleteFailure, refusedArguments, saveFailure } from "@/app/admin/form-outcome";
import { adminContext } from "@/web/admin-context";
import { formObject } from "@/lib/admin/form-fields";
import type { FormState } from "@/lib/admin/form-state";
import { deleteShow, saveShow } from "@/lib/admin/shows";
import { db } from "@/lib/db";
import {
  actionId,
  formDataArg,
  parseActionArgs,
  previousState,
} from "@/lib/validation/action-args";

export async function saveShowAction(
  id: number | null,
  state: FormState,
  formData: FormData,
): Promise<FormState> {
  const args = parseActionArgs(
    [actionId.nullable(), previousState, formDataArg],
    [id, state, formData],
  );
  const { user, t } = await adminContext(
    args?.[0] ? `/admin/shows/${args[0]}` : "/admin/shows/new",
  );
  if (!args) return refusedArguments(t);
  const [showId, , form] = args;
  const result = await saveShow({
    db,
    actor: user,
    id: showId ?? undefined,
    input: formObject(form),
  });
  if (!result.ok) return saveFailure(result, t, form);
  redirect("/admin/shows?notice=show_saved");
}

export async function deleteShowAction(id: number): Promise<FormState> {
  const args = parseActionArgs([actionId], [id]);
  const { user, t } = await adminContext(args ? `/admin/shows/${args[0]}` : "/admin/shows");
  if (!args) return refusedArguments(t);
  const result = await deleteShow({ db, actor: user, id: args[0] });
  if (!result.ok) return deleteFailure(result, t, "show");
  redirect("/admin/shows?notice=show_deleted");
}
