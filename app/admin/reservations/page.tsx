import type { Metadata } from "next";
import Link from "next/link";
import { PageHeader, TableScroller, tableClass } from "@/components/admin/page-header";
import { Pagination } from "@/components/admin/pagination";
import { Button } from "@/components/ui/button";
import { Field, inputClass } from "@/components/ui/field";
import { adminContext } from "@/web/admin-context";
import { adminTitle } from "@/web/admin-title";
import {
  RESERVATION_STATUSES,
  reservationFilters,
  type ReservationFilters,
} from "@/lib/admin/reservation-filters";
import { performanceChoices } from "@/lib/admin/performances";
import { listReservations } from "@/lib/admin/reservations";
import { db } from "@/lib/db";
import { fill } from "@/lib/i18n/fill";
import * as boxOffice from "@/lib/i18n/messages/box-office";
import { formatBookingCode } from "@/lib/check-ins/booking-code";

export const generateMetadata = (): Promise<Metadata> => adminTitle((t) => t.reservations.title);

function hrefWith(filters: ReservationFilters, page: number) {
  const params = new URLSearchParams();
  if (filters.performance) params.set("performance", String(filters.performance));
  if (filters.status) params.set("status", filters.status);
  if (filters.date) params.set("date", filters.date);
  if (filters.q) params.set("q", filters.q);
  if (page > 1) params.set("page", String(page));
  return `/admin/reservations${params.size > 0 ? `?${params}` : ""}`;
}

/**
 * Reservations, newest first: a table from 1024 px (names on one line, long ones cut with
 * the whole name in a tooltip), a card list below it, so a phone reaches every field.
 */
export default async function ReservationsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { t, locale, timeZone, whenShort: when } = await adminContext("/admin/reservations");
  const b = boxOffice[locale];
  const filters = reservationFilters.parse(await searchParams);
  const [list, performances] = await Promise.all([
    listReservations(db, filters, new Date(), timeZone),
    performanceChoices(db),
  ]);
  const r = t.reservations;
  const c = r.columns;
  const rows = list.rows.map((row) => ({
    ...row,
    href: `/admin/reservations/${row.id}`,
    statusText: row.checkIn ? r.statuses.checked_in : r.statuses[row.status],
    codeText: formatBookingCode(row.bookingCode),
    seats: fill(b.lists.seats, { party: row.partySize }, locale),
    performanceText: `${row.performance.show.title} — ${when(row.performance.startsAt)}`,
  }));
  return (
    <>
      <PageHeader
        title={r.title}
        action={{
          href: filters.performance
            ? `/admin/reservations/new?performance=${filters.performance}`
            : "/admin/reservations/new",
          label: b.book.newBooking,
        }}
      />
      <form
        method="get"
        role="search"
        aria-label={r.filters}
        className="mb-6 grid gap-4 rounded-lg border border-line bg-paper-raised p-4 sm:grid-cols-2 lg:grid-cols-3"
      >
        <Field id="filter-q" label={b.lists.search}>
          <input
            id="filter-q"
            name="q"
            type="search"
            defaultValue={filters.q ?? ""}
            className={inputClass}
          />
        </Field>
        <Field id="filter-performance" label={r.performance}>
          <select
            id="filter-performance"
            name="performance"
            defaultValue={filters.performance ?? ""}
            className={inputClass}
          >
            <option value="">{r.allPerformances}</option>
            {performances.map((p) => (
              <option key={p.id} value={p.id}>
                {p.show.title} — {when(p.startsAt)}
              </option>
            ))}
          </select>
        </Field>
        <Field id="filter-status" label={r.status}>
          <select
            id="filter-status"
            name="status"
            defaultValue={filters.status ?? ""}
            className={inputClass}
          >
            <option value="">{r.allStatuses}</option>
            {RESERVATION_STATUSES.map((status) => (
              <option key={status} value={status}>
                {r.statuses[status]}
              </option>
            ))}
          </select>
        </Field>
        <Field id="filter-date" label={b.lists.date}>
          <input
            id="filter-date"
            name="date"
            type="date"
            defaultValue={filters.date ?? ""}
            className={inputClass}
          />
        </Field>
        <div className="flex items-end gap-3">
          <Button type="submit">{r.apply}</Button>
          <Link href="/admin/reservations" className="py-2">
            {r.reset}
          </Link>
        </div>
      </form>
      {rows.length === 0 ? (
        <p>{r.noResults}</p>
      ) : (
        <>
          <ul aria-label={r.title} className="space-y-3 lg:hidden" data-testid="reservation-cards">
            {rows.map((row) => (
              <li key={row.id} className="rounded-lg border border-line bg-paper-raised p-3">
                <p className="flex items-baseline justify-between gap-3">
                  <Link href={row.href} className="font-semibold break-words">
                    {row.name}
                  </Link>
                  <span className="shrink-0 font-mono text-sm">{row.codeText}</span>
                </p>
                <p className="text-sm">
                  {row.seats} · {row.statusText}
                </p>
                <p className="text-sm text-ink-muted">{row.performanceText}</p>
                {row.email || row.phone ? (
                  <p className="text-sm break-all">
                    {[row.email, row.phone].filter(Boolean).join(" · ")}
                  </p>
                ) : null}
              </li>
            ))}
          </ul>
          <div className="hidden lg:block">
            <TableScroller label={r.title}>
              <table className={tableClass}>
                <thead>
                  <tr>
                    <th scope="col">{c.name}</th>
                    <th scope="col">{b.lists.code}</th>
                    <th scope="col">{c.party}</th>
                    <th scope="col">{c.performance}</th>
                    <th scope="col">{c.status}</th>
                    <th scope="col">{b.lists.contact}</th>
                  </tr>
                </thead>
                <tbody>
                  {rows.map((row) => (
                    <tr key={row.id}>
                      <td className="max-w-56 truncate whitespace-nowrap" title={row.name}>
                        <Link href={row.href}>{row.name}</Link>
                      </td>
                      <td className="font-mono whitespace-nowrap">{row.codeText}</td>
                      <td className="text-right">{row.partySize}</td>
                      <td
                        className="max-w-72 truncate whitespace-nowrap"
                        title={row.performanceText}
                      >
                        {row.performanceText}
                      </td>
                      <td className="whitespace-nowrap">{row.statusText}</td>
                      <td className="max-w-56 truncate whitespace-nowrap" title={row.email}>
                        {row.email || row.phone || "—"}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableScroller>
          </div>
        </>
      )}
      <Pagination
        page={list.page}
        pageCount={list.pageCount}
        total={list.total}
        hrefFor={(page) => hrefWith(filters, page)}
        labels={t.common}
      />
    </>
  );
}
