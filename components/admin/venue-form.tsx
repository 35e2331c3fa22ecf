"use client";

import {
  AdminFormShell,
  SlugField,
  TextAreaField,
  TextField,
} from "@/components/admin/form-controls";
import { useAdminForm } from "@/components/admin/use-admin-form";
import type { FormAction } from "@/lib/admin/form-state";
import { venueInput, type VenueInput } from "@/lib/admin/venue-input";
import type { AdminMessages } from "@/lib/i18n/messages/admin";
import type { BoxOfficeMessages } from "@/lib/i18n/messages/box-office";

// The theatre is in Rome: most venues are too.
const NEW_VENUE: VenueInput = {
  name: "",
  slug: "",
  address: "",
  city: "Roma",
  notes: "",
  publicNotes: "",
  publicNotesEn: "",
  defaultCapacity: null,
};

/** A venue's form; `venue` is the saved row (extra columns are ignored), none for a new one. */
export function VenueForm({
  action,
  venue,
  t,
  b,
}: {
  action: FormAction;
  venue?: VenueInput;
  t: AdminMessages;
  b: BoxOfficeMessages;
}) {
  const { bind, shell } = useAdminForm({
    schema: venueInput,
    action,
    defaultValues: { ...NEW_VENUE, ...venue },
    errorTexts: t.errors,
  });
  const f = t.venues.fields;
  const c = t.common;
  return (
    <AdminFormShell form={shell} t={t}>
      <TextField label={f.name} {...bind("name")} autoComplete="off" />
      <SlugField label={f.slug} help={t.venues.slugHelp} t={t} {...bind("slug")} />
      <TextField label={f.address} {...bind("address")} autoComplete="off" />
      <TextField label={f.city} {...bind("city")} autoComplete="off" />
      <TextAreaField
        label={f.publicNotes}
        help={t.venues.publicNotesHelp}
        {...bind("publicNotes")}
        rows={4}
        optional={c.optional}
      />
      <TextAreaField
        label={f.publicNotesEn}
        help={c.englishHelp}
        {...bind("publicNotesEn")}
        rows={4}
        lang="en"
        optional={c.optional}
      />
      <TextAreaField label={f.notes} {...bind("notes")} rows={4} optional={c.optional} />
      <TextField
        label={b.series.defaultCapacity}
        help={b.series.defaultCapacityHelp}
        type="number"
        min={0}
        inputMode="numeric"
        optional={c.optional}
        {...bind("defaultCapacity")}
      />
    </AdminFormShell>
  );
}
