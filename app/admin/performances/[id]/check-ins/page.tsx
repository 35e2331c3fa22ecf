import Link from "next/link";
import { PageHeader, TableScroller, tableClass } from "@/components/admin/page-header";
import { adminRow } from "@/app/admin/crud-page";
import { checkInsOf, performanceHeading } from "@/lib/admin/attendees";
import { availabilityByPerformance } from "@/lib/availability";
import { db } from "@/lib/db";
import { formatTime } from "@/lib/i18n/format";
import { fill } from "@/lib/i18n/fill";
import type { Metadata } from "next";
import { adminTitle } from "@/web/admin-title";

export const generateMetadata = async ({
  params,
}: {
  params: Promise<{ id: string }>;
}): Promise<Metadata> => {
  const { id } = await params;
  return adminTitle((t) => fill(t.common.numbered, { title: t.checkIns.title, id }));
};

export default async function CheckInsPage({ params }: { params: Promise<{ id: string }> }) {
  const {
    t,
    when,
    locale,
    timeZone,
    id,
    row: performance,
  } = await adminRow(params, "/admin/performances", performanceHeading, "/check-ins");
  const [checkIns, availability] = await Promise.all([
    checkInsOf(db, id),
    availabilityByPerformance(db, [id]),
  ]);
  const seats = checkIns.reduce((sum, c) => sum + c.seats, 0);
  const c = t.checkIns.columns;
  return (
    <>
      <PageHeader title={`${t.checkIns.title}: ${performance.show.title}`}>
        <p className="text-ink-muted">
          {when(performance.startsAt)} · {performance.venue.name}
        </p>
        <p className="mt-2 font-semibold">
          {fill(t.checkIns.summary, {
            seats,
            parties: checkIns.length,
            confirmed: availability.get(id)?.confirmedSeats ?? 0,
          })}
        </p>
      </PageHeader>
      {checkIns.length === 0 ? (
        <p>{t.checkIns.none}</p>
      ) : (
        <TableScroller label={t.checkIns.title}>
          <table className={tableClass}>
            <thead>
              <tr>
                <th scope="col">{c.at}</th>
                <th scope="col">{c.name}</th>
                <th scope="col">{c.party}</th>
                <th scope="col">{c.source}</th>
                <th scope="col">{c.by}</th>
              </tr>
            </thead>
            <tbody>
              {checkIns.map((checkIn) => (
                <tr key={checkIn.id}>
                  <td>{formatTime(checkIn.checkedInAt, locale, timeZone)}</td>
                  <td>
                    <Link href={`/admin/reservations/${checkIn.reservation.id}`}>
                      {checkIn.reservation.name}
                    </Link>
                  </td>
                  <td>
                    {checkIn.seats === checkIn.reservation.partySize
                      ? checkIn.seats
                      : `${checkIn.seats}/${checkIn.reservation.partySize}`}
                  </td>
                  <td>{t.reservations.sources[checkIn.source]}</td>
                  <td>{checkIn.checkedInBy.name || checkIn.checkedInBy.email}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroller>
      )}
    </>
  );
}
