import type { Metadata } from "next";
import Link from "next/link";
import { PageHeader, TableScroller, tableClass } from "@/components/admin/page-header";
import { Pagination } from "@/components/admin/pagination";
import { Button } from "@/components/ui/button";
import { Field, inputClass } from "@/components/ui/field";
import { recentAdmissions } from "@/lib/admin/attendees";
import { performanceChoices } from "@/lib/admin/performances";
import { db } from "@/lib/db";
import * as boxOffice from "@/lib/i18n/messages/box-office";
import { parseRowId } from "@/lib/validation/text";
import { adminContext } from "@/web/admin-context";
import { adminTitle } from "@/web/admin-title";
import { formatBookingCode } from "@/lib/check-ins/booking-code";

export const generateMetadata = (): Promise<Metadata> =>
  adminTitle((t, b) => b.lists.checkInsTitle);

/** Every admission at every door, newest first (an undone one is marked so). */
export default async function AllCheckInsPage({
  searchParams,
}: {
  searchParams: Promise<{ performance?: string; page?: string }>;
}) {
  const { t, locale, whenShort: when } = await adminContext("/admin/check-ins");
  const b = boxOffice[locale];
  const query = await searchParams;
  const performanceId = parseRowId(query.performance) ?? undefined;
  const page = Math.min(100_000, parseRowId(query.page) ?? 1);
  const [list, performances] = await Promise.all([
    recentAdmissions(db, { performanceId, page }),
    performanceChoices(db),
  ]);
  const c = t.checkIns.columns;
  const sources = t.reservations.sources;
  return (
    <>
      <PageHeader title={b.lists.checkInsTitle}>
        <p className="text-ink-muted">{b.lists.checkInsIntro}</p>
      </PageHeader>
      <form
        method="get"
        aria-label={t.reservations.filters}
        className="mb-6 flex flex-wrap items-end gap-4 rounded-lg border border-line bg-paper-raised p-4"
      >
        <div className="min-w-0 flex-1">
          <Field id="filter-performance" label={b.lists.checkInsFilter}>
            <select
              id="filter-performance"
              name="performance"
              defaultValue={performanceId ?? ""}
              className={inputClass}
            >
              <option value="">{t.reservations.allPerformances}</option>
              {performances.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.show.title} — {when(p.startsAt)}
                </option>
              ))}
            </select>
          </Field>
        </div>
        <Button type="submit">{t.reservations.apply}</Button>
      </form>
      {list.rows.length === 0 ? (
        <p>{t.checkIns.none}</p>
      ) : (
        <TableScroller label={b.lists.checkInsTitle}>
          <table className={tableClass}>
            <thead>
              <tr>
                <th scope="col">{c.at}</th>
                <th scope="col">{c.name}</th>
                <th scope="col">{b.lists.code}</th>
                <th scope="col">{c.party}</th>
                <th scope="col">{b.lists.performance}</th>
                <th scope="col">{c.source}</th>
                <th scope="col">{c.by}</th>
              </tr>
            </thead>
            <tbody>
              {list.rows.map((row) => (
                <tr key={row.id} className={row.undoneAt ? "text-ink-muted line-through" : ""}>
                  <td className="whitespace-nowrap">{when(row.admittedAt)}</td>
                  <td className="max-w-56 truncate whitespace-nowrap" title={row.reservation.name}>
                    <Link href={`/admin/reservations/${row.reservation.id}`}>
                      {row.reservation.name}
                    </Link>
                  </td>
                  <td className="font-mono whitespace-nowrap">
                    {formatBookingCode(row.reservation.bookingCode)}
                  </td>
                  <td className="whitespace-nowrap">
                    {row.seats}/{row.reservation.partySize}
                  </td>
                  <td className="max-w-64 truncate whitespace-nowrap">
                    <Link href={`/admin/performances/${row.reservation.performance.id}/check-ins`}>
                      {row.reservation.performance.show.title} —{" "}
                      {when(row.reservation.performance.startsAt)}
                    </Link>
                  </td>
                  <td className="whitespace-nowrap">{sources[row.source]}</td>
                  <td className="whitespace-nowrap">
                    {row.admittedBy.name || row.admittedBy.email}
                  </td>
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
        hrefFor={(p) =>
          `/admin/check-ins?${new URLSearchParams({
            ...(performanceId ? { performance: String(performanceId) } : {}),
            ...(p > 1 ? { page: String(p) } : {}),
          })}`
        }
        labels={t.common}
      />
    </>
  );
}
