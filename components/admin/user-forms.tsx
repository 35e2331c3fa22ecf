"use client";

import {
  CheckboxField,
  SelectField,
  SubmitButton,
  TextField,
} from "@/components/admin/form-controls";
import { useAdminForm } from "@/components/admin/use-admin-form";
import type { FormState } from "@/lib/admin/form-state";
import { newUserForm, passwordResetInput, userUpdateInput } from "@/lib/admin/user-input";
import type { AdminMessages } from "@/lib/i18n/messages/admin";

type Action = (state: FormState, formData: FormData) => Promise<FormState>;

const roleOptions = (t: AdminMessages) => [
  { value: "STAFF", label: t.users.roles.STAFF },
  { value: "ADMIN", label: t.users.roles.ADMIN },
];

export function NewUserForm({ action, t }: { action: Action; t: AdminMessages }) {
  const { field, pending, errorOf, formProps } = useAdminForm({
    schema: newUserForm,
    action,
    defaultValues: { email: "", name: "", role: "STAFF", password: "" },
    errorTexts: t.errors,
  });
  const f = t.users.fields;
  return (
    <form {...formProps} className="max-w-xl space-y-5">
      <TextField
        label={f.email}
        type="email"
        autoComplete="off"
        registration={field("email")}
        error={errorOf("email")}
      />
      <TextField
        label={f.name}
        autoComplete="off"
        registration={field("name")}
        error={errorOf("name")}
        optional={t.common.optional}
      />
      <SelectField
        label={f.role}
        registration={field("role")}
        error={errorOf("role")}
        options={roleOptions(t)}
      />
      <TextField
        label={f.password}
        type="password"
        autoComplete="new-password"
        help={t.users.passwordHelp}
        registration={field("password")}
        error={errorOf("password")}
      />
      <SubmitButton pending={pending} label={t.common.create} pendingLabel={t.common.saving} />
    </form>
  );
}

export function EditUserForm({
  action,
  defaults,
  isSelf,
  t,
}: {
  action: Action;
  defaults: { name: string; role: "ADMIN" | "STAFF"; isActive: boolean };
  isSelf: boolean;
  t: AdminMessages;
}) {
  const { field, pending, errorOf, formProps } = useAdminForm({
    schema: userUpdateInput,
    action,
    defaultValues: defaults,
    errorTexts: t.errors,
  });
  const f = t.users.fields;
  return (
    <form {...formProps} className="max-w-xl space-y-5">
      {isSelf ? <p className="rounded-md bg-accent-soft p-3">{t.users.selfNote}</p> : null}
      <TextField
        label={f.name}
        autoComplete="off"
        registration={field("name")}
        error={errorOf("name")}
        optional={t.common.optional}
      />
      <SelectField
        label={f.role}
        registration={field("role")}
        error={errorOf("role")}
        options={roleOptions(t)}
      />
      <CheckboxField
        label={f.isActive}
        registration={field("isActive")}
        error={errorOf("isActive")}
      />
      <SubmitButton pending={pending} label={t.common.save} pendingLabel={t.common.saving} />
    </form>
  );
}

export function ResetPasswordForm({ action, t }: { action: Action; t: AdminMessages }) {
  const { field, pending, errorOf, formProps } = useAdminForm({
    schema: passwordResetInput,
    action,
    defaultValues: { password: "" },
    errorTexts: t.errors,
  });
  return (
    <form {...formProps} className="max-w-xl space-y-5">
      <TextField
        label={t.users.fields.newPassword}
        type="password"
        autoComplete="new-password"
        help={t.users.passwordHelp}
        registration={field("password")}
        error={errorOf("password")}
      />
      <SubmitButton pending={pending} label={t.users.resetSubmit} pendingLabel={t.common.saving} />
    </form>
  );
}
