"use server";

import { redirect } from "next/navigation";
import { refusedArguments, saveFailure } from "@/app/admin/form-outcome";
import { adminContext } from "@/web/admin-context";
import { formObject, resubmittableValues } from "@/lib/admin/form-fields";
import type { FormState } from "@/lib/admin/form-state";
import { createStaffAccount, resetStaffPassword, updateStaffAccount } from "@/lib/admin/users";
import { db } from "@/lib/db";
import {
  actionId,
  formDataArg,
  parseActionArgs,
  previousState,
} from "@/lib/validation/action-args";

// None of these return what was typed: a password never travels back to the browser.
// Every argument, bound ones included, is parsed first: a client may send anything.

export async function createUserAction(state: FormState, formData: FormData): Promise<FormState> {
  const args = parseActionArgs([previousState, formDataArg], [state, formData]);
  const { user, t } = await adminContext("/admin/users/new");
  if (!args) return refusedArguments(t);
  const [, form] = args;
  const result = await createStaffAccount({ db, actor: user, input: formObject(form) });
  if (!result.ok) return saveFailure(result, t, form);
  redirect("/admin/users?notice=user_created");
}

export async function updateUserAction(
  id: number,
  state: FormState,
  formData: FormData,
): Promise<FormState> {
  const args = parseActionArgs([actionId, previousState, formDataArg], [id, state, formData]);
  const { user, t } = await adminContext(args ? `/admin/users/${args[0]}` : "/admin/users");
  if (!args) return refusedArguments(t);
  const [userId, , form] = args;
  const result = await updateStaffAccount({
    db,
    actor: user,
    id: userId,
    input: formObject(form),
  });
  if (!result.ok && result.reason === "cannot_change_own_access")
    return {
      status: "error",
      message: t.refusals.cannot_change_own_access,
      values: resubmittableValues(form),
    };
  if (!result.ok) return saveFailure(result, t, form);
  redirect("/admin/users?notice=user_saved");
}

export async function resetPasswordAction(
  id: number,
  state: FormState,
  formData: FormData,
): Promise<FormState> {
  const args = parseActionArgs([actionId, previousState, formDataArg], [id, state, formData]);
  const { user, t } = await adminContext(args ? `/admin/users/${args[0]}` : "/admin/users");
  if (!args) return refusedArguments(t);
  const [userId, , form] = args;
  const result = await resetStaffPassword({ db, actor: user, id: userId, input: formObject(form) });
  if (!result.ok) return saveFailure(result, t, form);
  redirect("/admin/users?notice=password_reset");
}
