"use client";

import {
  CheckboxField,
  SelectField,
  SubmitButton,
  TextField,
} from "@/components/admin/form-controls";
import { useAdminForm } from "@/components/admin/use-admin-form";
import type { FormState } from "@/lib/admin/form-state";
import { performanceInput } from "@/lib/admin/performance-input";
import { bookableCapacity } from "@/lib/availability";
import { fill } from "@/lib/i18n/fill";
import type { AdminMessages } from "@/lib/i18n/messages/admin";

export type PerformanceDefaults = {
  showId: string;
  venueId: string;
  startsAt: string;
  roomCapacity: string;
  additionalSeats: string;
  manuallyOccupiedSeats: string;
  isBookingEnabled: boolean;
};

type Option = { value: string; label: string };

const seatsOf = (value: unknown) => (/^\d+$/.test(String(value ?? "").trim()) ? Number(value) : 0);

export function PerformanceForm({
  action,
  defaults,
  shows,
  venues,
  confirmedSeats,
  t,
}: {
  action: (state: FormState, formData: FormData) => Promise<FormState>;
  defaults: PerformanceDefaults;
  shows: Option[];
  venues: Option[];
  /** Seats already confirmed (0 for a new performance): the floor of the capacity. */
  confirmedSeats: number;
  t: AdminMessages;
}) {
  const { form, field, pending, errorOf, formProps } = useAdminForm({
    schema: performanceInput,
    action,
    defaultValues: defaults,
    errorTexts: t.errors,
  });
  const { watch } = form;
  const f = t.performances.fields;
  const room = seatsOf(watch("roomCapacity"));
  const additional = seatsOf(watch("additionalSeats"));
  const manual = seatsOf(watch("manuallyOccupiedSeats"));
  const capacity = bookableCapacity({
    roomCapacity: room,
    additionalSeats: additional,
    manuallyOccupiedSeats: manual,
  });

  return (
    <form {...formProps} className="max-w-2xl space-y-5">
      <SelectField
        label={f.showId}
        registration={field("showId")}
        error={errorOf("showId")}
        options={shows}
        placeholder={t.performances.choose}
      />
      <SelectField
        label={f.venueId}
        registration={field("venueId")}
        error={errorOf("venueId")}
        options={venues}
        placeholder={t.performances.choose}
      />
      <TextField
        label={f.startsAt}
        type="datetime-local"
        registration={field("startsAt")}
        error={errorOf("startsAt")}
      />
      <div className="grid gap-5 sm:grid-cols-3">
        <TextField
          label={f.roomCapacity}
          type="number"
          min={0}
          inputMode="numeric"
          registration={field("roomCapacity")}
          error={errorOf("roomCapacity")}
        />
        <TextField
          label={f.additionalSeats}
          type="number"
          min={0}
          inputMode="numeric"
          registration={field("additionalSeats")}
          error={errorOf("additionalSeats")}
        />
        <TextField
          label={f.manuallyOccupiedSeats}
          type="number"
          min={0}
          inputMode="numeric"
          registration={field("manuallyOccupiedSeats")}
          error={errorOf("manuallyOccupiedSeats")}
        />
      </div>
      <p className="text-sm text-ink-muted">{t.performances.manualHelp}</p>
      <section
        aria-labelledby="formula-title"
        aria-live="polite"
        className="rounded-md border border-line bg-paper-sunken p-4"
      >
        <h2 id="formula-title" className="font-sans text-base font-semibold">
          {t.performances.formulaTitle}
        </h2>
        <p data-testid="capacity-formula">
          {fill(t.performances.formula, { room, additional, manual, capacity })}
        </p>
        {confirmedSeats > 0 ? (
          <p>
            {fill(t.performances.formulaConfirmed, {
              confirmed: confirmedSeats,
              available: Math.max(0, capacity - confirmedSeats),
            })}
          </p>
        ) : null}
        {capacity < confirmedSeats ? (
          <p className="font-semibold text-danger">
            {fill(t.performances.formulaTooLow, { capacity, confirmed: confirmedSeats })}
          </p>
        ) : null}
      </section>
      <CheckboxField
        label={f.isBookingEnabled}
        registration={field("isBookingEnabled")}
        error={errorOf("isBookingEnabled")}
      />
      <SubmitButton pending={pending} label={t.common.save} pendingLabel={t.common.saving} />
    </form>
  );
}
