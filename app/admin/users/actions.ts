"use server";

import { saveFromForm, type FormTarget } from "@/app/admin/crud-actions";
import type { FormState } from "@/lib/admin/form-state";
import { createStaffAccount, resetStaffPassword, updateStaffAccount } from "@/lib/admin/users";
import { db } from "@/lib/db";

// Public POST endpoints: saveFromForm parses every argument, bound ones included, first.
// None of these returns a password: resubmittable values leave it out.

const newUser: FormTarget = {
  path: "/admin/users",
  entity: "user",
  save: ({ user }, _id, input) => createStaffAccount({ db, actor: user, input }),
  savedTo: () => "/admin/users?notice=user_created",
};

const userSettings: FormTarget = {
  path: "/admin/users",
  entity: "user",
  requiresId: true,
  save: ({ user }, id, input) => updateStaffAccount({ db, actor: user, id: id ?? 0, input }),
};

const userPassword: FormTarget = {
  path: "/admin/users",
  entity: "user",
  requiresId: true,
  save: ({ user }, id, input) => resetStaffPassword({ db, actor: user, id: id ?? 0, input }),
  savedTo: () => "/admin/users?notice=password_reset",
};

export async function createUserAction(state: FormState, formData: FormData): Promise<FormState> {
  return saveFromForm(newUser, [null, state, formData]);
}

export async function updateUserAction(
  id: number,
  state: FormState,
  formData: FormData,
): Promise<FormState> {
  return saveFromForm(userSettings, [id, state, formData]);
}

export async function resetPasswordAction(
  id: number,
  state: FormState,
  formData: FormData,
): Promise<FormState> {
  return saveFromForm(userPassword, [id, state, formData]);
}
