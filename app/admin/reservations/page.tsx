import Link from "next/link";
import { PageHeader, TableScroller, tableClass } from "@/components/admin/page-header";
import { Pagination } from "@/components/admin/pagination";
import { Button } from "@/components/ui/button";
import { Field, inputClass } from "@/components/ui/field";
import { adminContext } from "@/web/admin-context";
import {
  RESERVATION_STATUSES,
  reservationFilters,
  type ReservationFilters,
} from "@/lib/admin/reservation-filters";
import { performanceChoices } from "@/lib/admin/performances";
import { listReservations } from "@/lib/admin/reservations";
import { db } from "@/lib/db";

function hrefWith(filters: ReservationFilters, page: number) {
  const params = new URLSearchParams();
  if (filters.performance) params.set("performance", String(filters.performance));
  if (filters.status) params.set("status", filters.status);
  if (filters.q) params.set("q", filters.q);
  if (page > 1) params.set("page", String(page));
  return `/admin/reservations${params.size > 0 ? `?${params}` : ""}`;
}

export default async function ReservationsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { t, whenShort: when } = await adminContext("/admin/reservations");
  const filters = reservationFilters.parse(await searchParams);
  const [list, performances] = await Promise.all([
    listReservations(db, filters),
    performanceChoices(db),
  ]);
  const r = t.reservations;
  const c = r.columns;
  return (
    <>
      <PageHeader title={r.title} />
      <form
        method="get"
        role="search"
        aria-label={r.filters}
        className="mb-6 grid gap-4 rounded-lg border border-line bg-paper-raised p-4 sm:grid-cols-2 lg:grid-cols-4"
      >
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
        <Field id="filter-q" label={r.search}>
          <input
            id="filter-q"
            name="q"
            type="search"
            defaultValue={filters.q ?? ""}
            className={inputClass}
          />
        </Field>
        <div className="flex items-end gap-3">
          <Button type="submit">{r.apply}</Button>
          <Link href="/admin/reservations">{r.reset}</Link>
        </div>
      </form>
      {list.rows.length === 0 ? (
        <p>{r.noResults}</p>
      ) : (
        <TableScroller label={r.title}>
          <table className={tableClass}>
            <thead>
              <tr>
                <th scope="col">{c.id}</th>
                <th scope="col">{c.name}</th>
                <th scope="col">{c.email}</th>
                <th scope="col">{c.party}</th>
                <th scope="col">{c.performance}</th>
                <th scope="col">{c.status}</th>
                <th scope="col">{c.created}</th>
              </tr>
            </thead>
            <tbody>
              {list.rows.map((row) => (
                <tr key={row.id}>
                  <td>
                    <Link href={`/admin/reservations/${row.id}`}>{row.id}</Link>
                  </td>
                  <td>
                    <Link href={`/admin/reservations/${row.id}`}>{row.name}</Link>
                  </td>
                  <td>{row.email}</td>
                  <td>{row.partySize}</td>
                  <td>
                    {row.performance.show.title}
                    <br />
                    <span className="text-ink-muted">{when(row.performance.startsAt)}</span>
                  </td>
                  <td>{row.checkIn ? r.statuses.checked_in : r.statuses[row.status]}</td>
                  <td>{when(row.createdAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroller>
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
