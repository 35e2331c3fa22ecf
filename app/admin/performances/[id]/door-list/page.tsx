import { PrintButton } from "@/components/admin/print-button";
import { tableClass } from "@/components/admin/page-header";
import { adminRow } from "@/app/admin/crud-page";
import { attendeesOf, performanceHeading } from "@/lib/admin/attendees";
import { db } from "@/lib/db";
import { formatTime } from "@/lib/i18n/format";
import { fill } from "@/lib/i18n/fill";
import * as boxOffice from "@/lib/i18n/messages/box-office";
import type { Metadata } from "next";
import { adminTitle } from "@/web/admin-title";
import { formatBookingCode } from "@/lib/check-ins/booking-code";

export const generateMetadata = async ({
  params,
}: {
  params: Promise<{ id: string }>;
}): Promise<Metadata> => {
  const { id } = await params;
  return adminTitle((t) => fill(t.common.numbered, { title: t.attendees.doorTitle, id }));
};

/** The paper fallback for the door: confirmed parties by name, with a box to tick. */
export default async function DoorListPage({ params }: { params: Promise<{ id: string }> }) {
  const {
    t,
    when,
    locale,
    timeZone,
    id,
    row: performance,
  } = await adminRow(params, "/admin/performances", performanceHeading, "/door-list");
  const attendees = await attendeesOf(db, id, { confirmedOnly: true });
  const seats = attendees.reduce((sum, a) => sum + a.partySize, 0);
  const a = t.attendees;
  const b = boxOffice[locale];
  return (
    <article className="print:text-black">
      <div className="mb-4 flex flex-wrap items-start justify-between gap-4">
        <div>
          <h1 className="text-3xl font-semibold">
            {a.doorTitle}: {performance.show.title}
          </h1>
          <p>
            {when(performance.startsAt)} · {performance.venue.name}, {performance.venue.address}
          </p>
          <p className="font-semibold">
            {fill(a.totalParties, { parties: attendees.length, seats })}
          </p>
          <p className="text-sm text-ink-muted print:hidden">{a.doorIntro}</p>
        </div>
        <PrintButton label={a.print} />
      </div>
      {attendees.length === 0 ? (
        <p>{a.none}</p>
      ) : (
        // On a phone the table scrolls inside its box, not the whole page; on paper it is whole.
        <div
          role="region"
          aria-label={a.doorTitle}
          tabIndex={0}
          className="overflow-x-auto print:overflow-visible"
        >
          <table className={`${tableClass} bg-paper-raised text-base print:text-sm`}>
            <thead>
              <tr>
                <th scope="col" className="w-16">
                  {a.columns.mark}
                </th>
                <th scope="col">{a.columns.name}</th>
                <th scope="col">{a.columns.code}</th>
                <th scope="col">{a.columns.party}</th>
                <th scope="col">{b.lists.notes}</th>
                <th scope="col">{a.columns.checkedIn}</th>
              </tr>
            </thead>
            <tbody>
              {attendees.map((attendee) => (
                <tr key={attendee.reservationId} className="break-inside-avoid">
                  <td>
                    <span aria-hidden="true" className="inline-block size-5 border-2 border-ink" />
                  </td>
                  <td>{attendee.name}</td>
                  <td className="font-mono whitespace-nowrap">
                    {formatBookingCode(attendee.bookingCode)}
                  </td>
                  <td>{attendee.partySize}</td>
                  <td className="max-w-xs text-sm whitespace-pre-line">{attendee.notes}</td>
                  <td>
                    {attendee.checkedInAt ? formatTime(attendee.checkedInAt, locale, timeZone) : ""}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </article>
  );
}
