import Link from "next/link";
import { PageHeader } from "@/components/admin/page-header";
import { SeatBar, SeatLegend } from "@/components/admin/seat-bar";
import { adminContext } from "@/web/admin-context";
import { dashboard } from "@/lib/admin/dashboard";
import { config } from "@/lib/config";
import { db } from "@/lib/db";
import { formatNumber } from "@/lib/i18n/format";
import { fill } from "@/lib/i18n/fill";
import type { Metadata } from "next";
import { adminTitle } from "@/web/admin-title";

export const generateMetadata = (): Promise<Metadata> => adminTitle((t) => t.dashboard.title);
import { waitlistLengths } from "@/lib/waitlist/waitlist-admin";
import { audienceMessages } from "@/web/i18n/audience-text";

export default async function DashboardPage() {
  const { t, locale, when } = await adminContext("/admin");
  const { upcoming, totals } = await dashboard(db, {
    checkInWindowHours: config().CHECKIN_WINDOW_HOURS,
  });
  const waiting = await waitlistLengths(
    db,
    upcoming.map((p) => p.id),
  );
  const w = audienceMessages(locale).admin;
  const d = t.dashboard;
  const n = (value: number) => formatNumber(value, locale);
  const barLabels = {
    bar: d.barLabel,
    checkedIn: d.legendCheckedIn,
    confirmed: d.legendConfirmed,
    pending: d.legendPending,
    available: d.legendAvailable,
  };
  const totalItems = [
    [d.performances, totals.performances],
    [d.capacity, totals.capacity],
    [d.confirmed, totals.confirmedSeats],
    [d.pending, totals.pendingSeats],
    [d.available, totals.availableSeats],
    [d.checkedIn, totals.checkedInSeats],
  ] as const;

  return (
    <>
      <PageHeader title={d.title} />
      <section aria-labelledby="totals-heading" className="mb-8">
        <h2 id="totals-heading" className="mb-3 text-xl font-semibold">
          {d.next30}
        </h2>
        <dl className="grid grid-cols-2 gap-3 sm:grid-cols-3">
          {totalItems.map(([label, value]) => (
            <div key={label} className="rounded-lg border border-line bg-paper-raised p-3">
              <dt className="text-sm text-ink-muted">{label}</dt>
              <dd className="text-2xl font-semibold">{n(value)}</dd>
            </div>
          ))}
        </dl>
      </section>

      <section aria-labelledby="upcoming-heading">
        <h2 id="upcoming-heading" className="mb-3 text-xl font-semibold">
          {d.upcoming}
        </h2>
        <SeatLegend labels={barLabels} />
        {upcoming.length === 0 ? (
          <p className="mt-4">{d.noUpcoming}</p>
        ) : (
          <ul className="mt-4 space-y-4">
            {upcoming.map((p) => (
              <li key={p.id} className="rounded-lg border border-line bg-paper-raised p-4">
                <div className="flex flex-wrap items-baseline justify-between gap-2">
                  <h3 className="text-lg font-semibold">
                    <Link href={`/admin/performances/${p.id}`}>{p.showTitle}</Link>
                  </h3>
                  <p className="text-ink-muted">
                    {when(p.startsAt)} · {p.venueName}
                  </p>
                </div>
                {!p.bookingEnabled || !p.showPublished ? (
                  <p className="text-sm font-semibold text-warning">
                    {[
                      !p.showPublished ? d.unpublished : null,
                      !p.bookingEnabled ? d.bookingOff : null,
                    ]
                      .filter(Boolean)
                      .join(" · ")}
                  </p>
                ) : null}
                <div className="mt-3">
                  <SeatBar counts={p} labels={barLabels} />
                </div>
                <p className="mt-2 text-sm" data-testid={`counts-${p.id}`}>
                  {fill(d.countsOf, {
                    confirmed: n(p.confirmedSeats),
                    pending: n(p.pendingSeats),
                    available: n(p.availableSeats),
                    checkedIn: n(p.checkedInSeats),
                    capacity: n(p.capacity),
                  })}
                </p>
                <p className="mt-2 flex flex-wrap gap-4 text-sm">
                  <Link href={`/admin/reservations?performance=${p.id}`}>{d.reservations}</Link>
                  <Link href={`/admin/performances/${p.id}/door-list`}>{d.doorList}</Link>
                  <Link
                    href={`/admin/performances/${p.id}/waitlist`}
                    data-testid={`waitlist-${p.id}`}
                  >
                    {fill(
                      p.capacity - p.confirmedSeats - p.availableSeats > 0 ? w.linkHeld : w.link,
                      {
                        count: n(waiting.get(p.id)?.parties ?? 0),
                        // Seats held by running offers: counted as taken, not in "free".
                        held: n(Math.max(0, p.capacity - p.confirmedSeats - p.availableSeats)),
                      },
                    )}
                  </Link>
                </p>
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}
