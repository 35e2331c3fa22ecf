"use client";

import { useEffect } from "react";
import {
  AdminFormShell,
  CheckboxField,
  SelectField,
  TextAreaField,
  TextField,
} from "@/components/admin/form-controls";
import { useAdminForm } from "@/components/admin/use-admin-form";
import type { FormAction } from "@/lib/admin/form-state";
import { newPerformanceInput, REPEATS } from "@/lib/admin/performance-series-input";
import { bookableCapacity } from "@/lib/availability";
import { fill } from "@/lib/i18n/fill";
import type { AdminMessages } from "@/lib/i18n/messages/admin";
import type { BoxOfficeMessages } from "@/lib/i18n/messages/box-office";

export type PerformanceDefaults = {
  showId: string;
  venueId: string;
  startsAt: string;
  roomCapacity: string;
  additionalSeats: string;
  manuallyOccupiedSeats: string;
  isBookingEnabled: boolean;
  notifyHolders?: boolean;
};

/** A new performance may repeat (issue 17); its capacity starts from the venue's. */
export type SeriesOptions = {
  b: BoxOfficeMessages;
  /** Venue id → its default capacity, for venues that have one. */
  venueCapacities: Record<string, number>;
};

type Option = { value: string; label: string };

const seatsOf = (value: unknown) => (/^\d+$/.test(String(value ?? "").trim()) ? Number(value) : 0);

export function PerformanceForm({
  action,
  defaults,
  shows,
  venues,
  confirmedSeats,
  notifyHolders,
  t,
  series,
}: {
  action: FormAction;
  defaults: PerformanceDefaults;
  shows: Option[];
  venues: Option[];
  /** Seats already confirmed (0 for a new performance): the floor of the capacity. */
  confirmedSeats: number;
  /** Editing a performance with holders: the question whether to tell them of a new time or venue. */
  notifyHolders?: { label: string; help: string };
  t: AdminMessages;
  series?: SeriesOptions;
}) {
  const { form, bind, shell } = useAdminForm({
    // An edit shows no repeat fields: they parse as "none" here, and the server's edit
    // (performanceInput) does not read them.
    schema: newPerformanceInput,
    action,
    defaultValues: { ...defaults, repeat: "none", dates: "", until: "" },
    errorTexts: { ...t.errors, ...series?.b.errors },
  });
  const { watch, setValue, getValues } = form;
  const venueId = watch("venueId");
  // Choosing a venue with a usual capacity fills an empty room capacity (without
  // JavaScript the server does the same).
  useEffect(() => {
    const usual = series?.venueCapacities[String(venueId)];
    if (usual !== undefined && String(getValues("roomCapacity") ?? "").trim() === "")
      setValue("roomCapacity", String(usual));
  }, [venueId, series, getValues, setValue]);
  const repeat = watch("repeat");
  const f = t.performances.fields;
  const room = seatsOf(watch("roomCapacity"));
  const additional = seatsOf(watch("additionalSeats"));
  const manual = seatsOf(watch("manuallyOccupiedSeats"));
  const capacity = bookableCapacity({
    roomCapacity: room,
    additionalSeats: additional,
    manuallyOccupiedSeats: manual,
  });

  const b = series?.b;
  return (
    <AdminFormShell form={shell} t={t}>
      <SelectField
        label={f.showId}
        {...bind("showId")}
        options={shows}
        placeholder={t.performances.choose}
      />
      <SelectField
        label={f.venueId}
        {...bind("venueId")}
        options={venues}
        placeholder={t.performances.choose}
      />
      <TextField label={f.startsAt} type="datetime-local" {...bind("startsAt")} />
      <div className="grid gap-5 sm:grid-cols-3">
        {(["roomCapacity", "additionalSeats", "manuallyOccupiedSeats"] as const).map((name) => (
          <TextField
            key={name}
            label={f[name]}
            type="number"
            min={0}
            inputMode="numeric"
            {...bind(name)}
          />
        ))}
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
      <CheckboxField label={f.isBookingEnabled} {...bind("isBookingEnabled")} />
      {b ? (
        <fieldset className="space-y-4 rounded-md border border-line p-4">
          <legend className="px-1 font-semibold">{b.series.repeatLegend}</legend>
          <SelectField
            label={b.series.repeat}
            {...bind("repeat")}
            options={REPEATS.map((value) => ({ value, label: b.series.repeats[value] }))}
          />
          {repeat !== "weekly" ? (
            <TextAreaField
              label={b.series.dates}
              help={b.series.datesHelp}
              rows={3}
              optional={t.common.optional}
              {...bind("dates")}
            />
          ) : null}
          {repeat !== "dates" ? (
            <TextField
              label={b.series.until}
              help={b.series.untilHelp}
              type="date"
              optional={t.common.optional}
              {...bind("until")}
            />
          ) : null}
        </fieldset>
      ) : null}
      {notifyHolders ? (
        <CheckboxField
          label={notifyHolders.label}
          help={notifyHolders.help}
          {...bind("notifyHolders")}
        />
      ) : null}
    </AdminFormShell>
  );
}
