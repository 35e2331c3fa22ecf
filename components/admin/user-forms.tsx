"use client";

import {
  AdminFormShell,
  CheckboxField,
  SelectField,
  TextField,
} from "@/components/admin/form-controls";
import { useAdminForm } from "@/components/admin/use-admin-form";
import type { FormAction } from "@/lib/admin/form-state";
import { newUserInput, passwordResetInput, userUpdateInput } from "@/lib/admin/user-input";
import type { AdminMessages } from "@/lib/i18n/messages/admin";

const roleOptions = (t: AdminMessages) => [
  { value: "STAFF", label: t.users.roles.STAFF },
  { value: "ADMIN", label: t.users.roles.ADMIN },
];

export function NewUserForm({ action, t }: { action: FormAction; t: AdminMessages }) {
  const { bind, shell } = useAdminForm({
    schema: newUserInput,
    action,
    defaultValues: { email: "", name: "", role: "STAFF", password: "" },
    errorTexts: t.errors,
  });
  const f = t.users.fields;
  return (
    <AdminFormShell form={shell} t={t} submitLabel={t.common.create} width="max-w-xl">
      <TextField label={f.email} type="email" autoComplete="off" {...bind("email")} />
      <TextField label={f.name} autoComplete="off" {...bind("name")} optional={t.common.optional} />
      <SelectField label={f.role} {...bind("role")} options={roleOptions(t)} />
      <TextField
        label={f.password}
        type="password"
        autoComplete="new-password"
        help={t.users.passwordHelp}
        {...bind("password")}
      />
    </AdminFormShell>
  );
}

export function EditUserForm({
  action,
  defaults,
  isSelf,
  t,
}: {
  action: FormAction;
  defaults: { name: string; role: "ADMIN" | "STAFF"; isActive: boolean };
  isSelf: boolean;
  t: AdminMessages;
}) {
  const { bind, shell } = useAdminForm({
    schema: userUpdateInput,
    action,
    defaultValues: defaults,
    errorTexts: t.errors,
  });
  const f = t.users.fields;
  return (
    <AdminFormShell form={shell} t={t} width="max-w-xl">
      {isSelf ? <p className="rounded-md bg-accent-soft p-3">{t.users.selfNote}</p> : null}
      <TextField label={f.name} autoComplete="off" {...bind("name")} optional={t.common.optional} />
      <SelectField label={f.role} {...bind("role")} options={roleOptions(t)} />
      <CheckboxField label={f.isActive} {...bind("isActive")} />
    </AdminFormShell>
  );
}

export function ResetPasswordForm({ action, t }: { action: FormAction; t: AdminMessages }) {
  const { bind, shell } = useAdminForm({
    schema: passwordResetInput,
    action,
    defaultValues: { password: "" },
    errorTexts: t.errors,
  });
  return (
    <AdminFormShell form={shell} t={t} submitLabel={t.users.resetSubmit} width="max-w-xl">
      <TextField
        label={t.users.fields.newPassword}
        type="password"
        autoComplete="new-password"
        help={t.users.passwordHelp}
        {...bind("password")}
      />
    </AdminFormShell>
  );
}
