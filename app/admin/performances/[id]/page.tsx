import Link from "next/link";
import { adminRow } from "@/app/admin/crud-page";
import { deletePerformanceAction, savePerformanceAction } from "@/app/admin/performances/actions";
import { DeleteSection } from "@/components/admin/delete-section";
import { PageHeader } from "@/components/admin/page-header";
import { PerformanceForm } from "@/components/admin/performance-form";
import { performanceById, performanceOptions } from "@/lib/admin/performances";
import { db } from "@/lib/db";
import { fill } from "@/lib/i18n/fill";
import { utcToZonedLocal } from "@/lib/time";
import * as boxOffice from "@/lib/i18n/messages/box-office";
import type { Metadata } from "next";
import { adminTitle } from "@/web/admin-title";

export const generateMetadata = async ({
  params,
}: {
  params: Promise<{ id: string }>;
}): Promise<Metadata> => {
  const { id } = await params;
  return adminTitle((t) => fill(t.common.numbered, { title: t.performances.editTitle, id }));
};
import { audienceMessages } from "@/web/i18n/audience-text";

export default async function EditPerformancePage({ params }: { params: Promise<{ id: string }> }) {
  const {
    t,
    locale,
    timeZone,
    when,
    row: performance,
  } = await adminRow(params, "/admin/performances", performanceById);
  const { shows, venues } = await performanceOptions(db);
  const p = t.performances;
  return (
    <>
      <PageHeader title={p.editTitle}>
        <p className="text-ink-muted">
          {performance.show.title} · {when(performance.startsAt)}
        </p>
        {performance.cancelledAt ? (
          <p className="mt-2 font-semibold text-danger">
            {fill(audienceMessages(locale).admin.audience.cancelled, {
              when: when(performance.cancelledAt),
            })}
          </p>
        ) : null}
      </PageHeader>
      <nav aria-label={p.links} className="mb-8 rounded-lg border border-line bg-paper-raised p-4">
        <h2 className="mb-2 font-sans text-base font-semibold">{p.links}</h2>
        <ul className="flex flex-wrap gap-x-6 gap-y-2">
          <li>
            <Link href={`/admin/reservations/new?performance=${performance.id}`}>
              {boxOffice[locale].book.newBooking}
            </Link>
          </li>
          <li>
            <Link href={`/admin/reservations?performance=${performance.id}`}>{p.reservations}</Link>
          </li>
          <li>
            <Link href={`/admin/performances/new?from=${performance.id}`}>
              {boxOffice[locale].series.duplicate}
            </Link>
          </li>
          <li>
            <Link href={`/admin/performances/${performance.id}/check-ins`}>{p.checkIns}</Link>
          </li>
          <li>
            <Link href={`/admin/performances/${performance.id}/door-list`}>{p.doorList}</Link>
          </li>
          <li>
            <Link href={`/admin/performances/${performance.id}/audience`}>
              {audienceMessages(locale).admin.audience.title}
            </Link>
          </li>
          <li>
            <Link href={`/admin/performances/${performance.id}/waitlist`}>
              {audienceMessages(locale).admin.title}
            </Link>
          </li>
          <li>
            <a href={`/admin/performances/${performance.id}/attendees.csv`} download>
              {p.attendeesCsv}
            </a>
          </li>
        </ul>
      </nav>
      <PerformanceForm
        action={savePerformanceAction.bind(null, performance.id)}
        defaults={{
          showId: String(performance.showId),
          venueId: String(performance.venueId),
          startsAt: utcToZonedLocal(performance.startsAt, timeZone),
          roomCapacity: String(performance.roomCapacity),
          additionalSeats: String(performance.additionalSeats),
          manuallyOccupiedSeats: String(performance.manuallyOccupiedSeats),
          isBookingEnabled: performance.isBookingEnabled,
          notifyHolders: true,
        }}
        shows={shows}
        venues={venues}
        confirmedSeats={performance.confirmedSeats}
        notifyHolders={{
          label: audienceMessages(locale).admin.notifyHolders,
          help: audienceMessages(locale).admin.notifyHoldersHelp,
        }}
        t={t}
      />
      <DeleteSection
        name="confirm_delete_performance"
        action={deletePerformanceAction.bind(null, performance.id)}
        question={p.deleteConfirm}
        t={t}
      />
    </>
  );
}
