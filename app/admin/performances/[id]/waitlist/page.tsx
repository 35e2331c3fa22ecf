import Link from "next/link";
import { adminRow } from "@/app/admin/crud-page";
import { offerWaitlistEntryAction } from "@/app/admin/performances/waitlist-actions";
import { ConfirmAction } from "@/components/admin/confirm-action";
import { PageHeader, TableScroller, tableClass } from "@/components/admin/page-header";
import { performanceHeading } from "@/lib/admin/attendees";
import { availabilityByPerformance } from "@/lib/availability";
import { db } from "@/lib/db";
import { fill } from "@/lib/i18n/fill";
import { waitlistOf } from "@/lib/waitlist/waitlist-admin";
import { audienceMessages } from "@/web/i18n/audience-text";

export default async function WaitlistPage({ params }: { params: Promise<{ id: string }> }) {
  const {
    t: admin,
    locale,
    whenShort,
    id,
    row: performance,
  } = await adminRow(params, "/admin/performances", performanceHeading, "/waitlist");
  const t = audienceMessages(locale).admin;
  const [entries, availability] = await Promise.all([
    waitlistOf(db, id),
    availabilityByPerformance(db, [id]),
  ]);
  const seats = availability.get(id);
  const c = t.columns;
  return (
    <>
      <PageHeader title={`${t.title}: ${performance.show.title}`}>
        <p className="text-ink-muted">
          {whenShort(performance.startsAt)} · {performance.venue.name} ·{" "}
          <Link href={`/admin/performances/${id}`}>{admin.common.edit}</Link>
        </p>
        <p className="mt-2">{t.intro}</p>
        {seats ? (
          <p className="mt-2 font-semibold" data-testid="waitlist-seats">
            {fill(t.free, {
              seats: seats.availableSeats,
              held: seats.capacity - seats.confirmedSeats - seats.availableSeats,
            })}
          </p>
        ) : null}
      </PageHeader>
      {entries.length === 0 ? (
        <p>{t.empty}</p>
      ) : (
        <TableScroller label={t.title}>
          <table className={tableClass}>
            <thead>
              <tr>
                <th scope="col">{c.position}</th>
                <th scope="col">{c.name}</th>
                <th scope="col">{c.email}</th>
                <th scope="col">{c.party}</th>
                <th scope="col">{c.status}</th>
                <th scope="col">{c.since}</th>
                <th scope="col">{c.offer}</th>
                <th scope="col">
                  <span className="sr-only">{admin.common.actions}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {entries.map((entry) => (
                <tr key={entry.id} data-testid={`waitlist-entry-${entry.id}`}>
                  <td>{entry.position ?? "—"}</td>
                  <td>{entry.name}</td>
                  <td>{entry.email}</td>
                  <td>{entry.partySize}</td>
                  <td>
                    {entry.reservationId ? (
                      <Link href={`/admin/reservations/${entry.reservationId}`}>
                        {t.statuses[entry.status]}
                      </Link>
                    ) : (
                      t.statuses[entry.status]
                    )}
                  </td>
                  <td className="whitespace-nowrap">
                    {entry.queuedAt ? whenShort(entry.queuedAt) : "—"}
                  </td>
                  <td className="whitespace-nowrap">
                    {entry.status === "offered" && entry.offerExpiresAt
                      ? whenShort(entry.offerExpiresAt)
                      : "—"}
                  </td>
                  <td>
                    {entry.status === "waiting" ? (
                      <ConfirmAction
                        name="confirm_waitlist_offer"
                        action={offerWaitlistEntryAction.bind(null, entry.id)}
                        label={t.offer}
                        question={t.offerQuestion}
                        keepLabel={admin.common.keep}
                        tone="neutral"
                      />
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroller>
      )}
    </>
  );
}
