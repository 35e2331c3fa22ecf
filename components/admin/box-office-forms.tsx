"use client";

import {
  AdminFormShell,
  CheckboxField,
  SelectField,
  TextAreaField,
  TextField,
} from "@/components/admin/form-controls";
import { useAdminForm } from "@/components/admin/use-admin-form";
import {
  ADMIN_CHANNELS,
  ADMIN_PARTY_MAX,
  adminBookingInput,
  EMAIL_LOCALES,
  reservationEditInput,
  reservationMoveInput,
} from "@/lib/admin/box-office-input";
import type { FormAction } from "@/lib/admin/form-state";
import type { AdminMessages } from "@/lib/i18n/messages/admin";
import type { BoxOfficeMessages } from "@/lib/i18n/messages/box-office";

// The box office's forms (issue 17): a booking confirmed at once, an edit, a move.
// Each is a <form method="post"> bound to its server action (works before JavaScript).

type Option = { value: string; label: string };
type Texts = { t: AdminMessages; b: BoxOfficeMessages };

function ContactFields({
  bind,
  texts: { t, b },
}: {
  bind: (
    name: "name" | "email" | "phone" | "party_size" | "notes" | "locale",
  ) => ReturnType<ReturnType<typeof useAdminForm>["bind"]>;
  texts: Texts;
}) {
  const f = b.book.fields;
  return (
    <>
      <TextField label={f.name} {...bind("name")} autoComplete="off" />
      <div className="grid gap-5 sm:grid-cols-2">
        <TextField
          label={f.email}
          type="email"
          help={b.book.emailHelp}
          optional={t.common.optional}
          {...bind("email")}
          autoComplete="off"
        />
        <TextField
          label={f.phone}
          type="tel"
          optional={t.common.optional}
          {...bind("phone")}
          autoComplete="off"
        />
      </div>
      <div className="grid gap-5 sm:grid-cols-2">
        <TextField
          label={f.party_size}
          type="number"
          min={1}
          max={ADMIN_PARTY_MAX}
          inputMode="numeric"
          {...bind("party_size")}
        />
        <SelectField
          label={f.locale}
          {...bind("locale")}
          options={EMAIL_LOCALES.map((value) => ({ value, label: b.book.languages[value] }))}
        />
      </div>
      <TextAreaField label={f.notes} rows={3} optional={t.common.optional} {...bind("notes")} />
    </>
  );
}

export function AdminBookingForm({
  action,
  performances,
  performanceId,
  t,
  b,
}: {
  action: FormAction;
  performances: Option[];
  performanceId: string;
  t: AdminMessages;
  b: BoxOfficeMessages;
}) {
  const { bind, shell } = useAdminForm({
    schema: adminBookingInput,
    action,
    defaultValues: {
      performanceId,
      channel: "phone",
      name: "",
      email: "",
      phone: "",
      party_size: "",
      notes: "",
      locale: "it",
      sendEmail: false,
      overrideCapacity: false,
    },
    errorTexts: { ...t.errors, ...b.errors },
  });
  const f = b.book.fields;
  return (
    <AdminFormShell form={shell} t={t} submitLabel={b.book.submit}>
      <SelectField
        label={f.performanceId}
        {...bind("performanceId")}
        options={performances}
        placeholder={b.book.choose}
      />
      <SelectField
        label={f.channel}
        {...bind("channel")}
        options={ADMIN_CHANNELS.map((value) => ({ value, label: b.channels[value] }))}
      />
      <ContactFields bind={(name) => bind(name)} texts={{ t, b }} />
      <CheckboxField label={f.sendEmail} {...bind("sendEmail")} />
      <CheckboxField
        label={f.overrideCapacity}
        help={b.book.overrideHelp}
        {...bind("overrideCapacity")}
      />
    </AdminFormShell>
  );
}

export type ReservationEditDefaults = {
  name: string;
  email: string;
  phone: string;
  party_size: string;
  notes: string;
  locale: (typeof EMAIL_LOCALES)[number];
};

export function ReservationEditForm({
  action,
  defaults,
  guest,
  t,
  b,
}: {
  action: FormAction;
  defaults: ReservationEditDefaults;
  /** Only a guest's party may be raised beyond the seats left. */
  guest: boolean;
  t: AdminMessages;
  b: BoxOfficeMessages;
}) {
  const { bind, shell } = useAdminForm({
    schema: reservationEditInput,
    action,
    defaultValues: { ...defaults, overrideCapacity: false },
    errorTexts: { ...t.errors, ...b.errors },
  });
  return (
    <AdminFormShell form={shell} t={t} submitLabel={b.edit.submit}>
      <ContactFields bind={(name) => bind(name)} texts={{ t, b }} />
      {guest ? (
        <CheckboxField
          label={b.book.fields.overrideCapacity}
          help={b.book.overrideHelp}
          {...bind("overrideCapacity")}
        />
      ) : null}
    </AdminFormShell>
  );
}

export function ReservationMoveForm({
  action,
  performances,
  t,
  b,
}: {
  action: FormAction;
  performances: Option[];
  t: AdminMessages;
  b: BoxOfficeMessages;
}) {
  const { bind, shell } = useAdminForm({
    schema: reservationMoveInput,
    action,
    defaultValues: { performanceId: "", sendEmail: false },
    errorTexts: { ...t.errors, ...b.errors },
  });
  return (
    <AdminFormShell form={shell} t={t} submitLabel={b.edit.moveSubmit}>
      <SelectField
        label={b.edit.moveTarget}
        {...bind("performanceId")}
        options={performances}
        placeholder={b.book.choose}
      />
      <CheckboxField label={b.edit.moveSendEmail} {...bind("sendEmail")} />
    </AdminFormShell>
  );
}
