import type { Metadata } from "next";
import { createPerformancesAction } from "@/app/admin/performances/actions";
import { PageHeader } from "@/components/admin/page-header";
import { PerformanceForm } from "@/components/admin/performance-form";
import { performanceById, performanceOptions, venueCapacities } from "@/lib/admin/performances";
import { db } from "@/lib/db";
import * as boxOffice from "@/lib/i18n/messages/box-office";
import { addCalendarDays } from "@/lib/admin/performance-series-input";
import { utcToZonedLocal } from "@/lib/time";
import { parseRowId } from "@/lib/validation/text";
import { adminContext } from "@/web/admin-context";
import { adminTitle } from "@/web/admin-title";

export const generateMetadata = (): Promise<Metadata> => adminTitle((t) => t.performances.new);

/** The same wall-clock time seven days later ("2027-03-05T20:30" → "2027-03-12T20:30"). */
const weekLater = (local: string) => `${addCalendarDays(local.slice(0, 10), 7)}${local.slice(10)}`;

export default async function NewPerformancePage({
  searchParams,
}: {
  searchParams: Promise<{ show?: string; from?: string }>;
}) {
  const { t, locale, timeZone } = await adminContext("/admin/performances/new");
  const b = boxOffice[locale];
  const { shows, venues } = await performanceOptions(db);
  const query = await searchParams;
  const show = parseRowId(query.show);
  // "Duplicate": the same show, venue, seats and time of day, a week later.
  const fromId = parseRowId(query.from);
  const from = fromId ? await performanceById(db, fromId) : null;
  const defaults = from
    ? {
        showId: String(from.showId),
        venueId: String(from.venueId),
        startsAt: weekLater(utcToZonedLocal(from.startsAt, timeZone)),
        roomCapacity: String(from.roomCapacity),
        additionalSeats: String(from.additionalSeats),
        manuallyOccupiedSeats: String(from.manuallyOccupiedSeats),
        isBookingEnabled: from.isBookingEnabled,
      }
    : {
        showId: show ? String(show) : "",
        venueId: venues.length === 1 ? venues[0].value : "",
        startsAt: "",
        roomCapacity: "",
        additionalSeats: "0",
        manuallyOccupiedSeats: "0",
        isBookingEnabled: true,
      };
  return (
    <>
      <PageHeader title={from ? b.series.duplicateTitle : t.performances.new}>
        <p className="text-ink-muted">{t.performances.timeZoneNote}</p>
      </PageHeader>
      <PerformanceForm
        action={createPerformancesAction}
        defaults={defaults}
        shows={shows}
        venues={venues}
        confirmedSeats={0}
        t={t}
        series={{ b, venueCapacities: await venueCapacities(db) }}
      />
    </>
  );
}
