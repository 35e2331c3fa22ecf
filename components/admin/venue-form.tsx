"use client";

import { SubmitButton, TextAreaField, TextField } from "@/components/admin/form-controls";
import { useAdminForm } from "@/components/admin/use-admin-form";
import type { FormState } from "@/lib/admin/form-state";
import { venueInput } from "@/lib/admin/venue-input";
import type { AdminMessages } from "@/lib/i18n/messages/admin";

export type VenueDefaults = {
  name: string;
  slug: string;
  address: string;
  city: string;
  notes: string;
};

export function VenueForm({
  action,
  defaults,
  t,
}: {
  action: (state: FormState, formData: FormData) => Promise<FormState>;
  defaults: VenueDefaults;
  t: AdminMessages;
}) {
  const { field, pending, errorOf, formProps } = useAdminForm({
    schema: venueInput,
    action,
    defaultValues: defaults,
    errorTexts: t.errors,
  });
  const f = t.venues.fields;
  return (
    <form {...formProps} className="max-w-2xl space-y-5">
      <TextField
        label={f.name}
        registration={field("name")}
        error={errorOf("name")}
        autoComplete="off"
      />
      <TextField
        label={f.slug}
        help={t.venues.slugHelp}
        registration={field("slug")}
        error={errorOf("slug")}
        autoComplete="off"
        optional={t.common.optional}
      />
      <TextField
        label={f.address}
        registration={field("address")}
        error={errorOf("address")}
        autoComplete="off"
      />
      <TextField
        label={f.city}
        registration={field("city")}
        error={errorOf("city")}
        autoComplete="off"
      />
      <TextAreaField
        label={f.notes}
        registration={field("notes")}
        error={errorOf("notes")}
        rows={4}
        optional={t.common.optional}
      />
      <SubmitButton pending={pending} label={t.common.save} pendingLabel={t.common.saving} />
    </form>
  );
}
