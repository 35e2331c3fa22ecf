"use server";

import { redirect } from "next/navigation";
import { saveFailure } from "@/app/admin/form-outcome";
import { adminContext } from "@/web/admin-context";
import { formObject, resubmittableValues } from "@/lib/admin/form-fields";
import type { FormState } from "@/lib/admin/form-state";
import { createStaffAccount, resetStaffPassword, updateStaffAccount } from "@/lib/admin/users";
import { db } from "@/lib/db";

// None of these return what was typed: a password never travels back to the browser.

export async function createUserAction(_state: FormState, formData: FormData): Promise<FormState> {
  const { user, t } = await adminContext("/admin/users/new");
  const result = await createStaffAccount({ db, actor: user, input: formObject(formData) });
  if (!result.ok) return saveFailure(result, t, formData);
  redirect("/admin/users?notice=user_created");
}

export async function updateUserAction(
  id: number,
  _state: FormState,
  formData: FormData,
): Promise<FormState> {
  const { user, t } = await adminContext(`/admin/users/${id}`);
  const result = await updateStaffAccount({ db, actor: user, id, input: formObject(formData) });
  if (!result.ok && result.reason === "cannot_change_own_access")
    return {
      status: "error",
      message: t.refusals.cannot_change_own_access,
      values: resubmittableValues(formData),
    };
  if (!result.ok) return saveFailure(result, t, formData);
  redirect("/admin/users?notice=user_saved");
}

export async function resetPasswordAction(
  id: number,
  _state: FormState,
  formData: FormData,
): Promise<FormState> {
  const { user, t } = await adminContext(`/admin/users/${id}`);
  const result = await resetStaffPassword({ db, actor: user, id, input: formObject(formData) });
  if (!result.ok) return saveFailure(result, t, formData);
  redirect("/admin/users?notice=password_reset");
}
