import Link from "next/link";
import { DataTable } from "@/components/admin/data-table";
import { PageHeader } from "@/components/admin/page-header";
import { performanceList } from "@/lib/admin/performances";
import { db } from "@/lib/db";
import { adminContext } from "@/web/admin-context";
import type { Metadata } from "next";
import { adminTitle } from "@/web/admin-title";

export const generateMetadata = (): Promise<Metadata> => adminTitle((t) => t.performances.title);

export default async function PerformancesPage({
  searchParams,
}: {
  searchParams: Promise<{ past?: string }>;
}) {
  const { t, whenShort: when } = await adminContext("/admin/performances");
  const past = (await searchParams).past === "1";
  const performances = await performanceList(db, { past, now: new Date() });
  const p = t.performances;
  const c = p.columns;
  return (
    <>
      <PageHeader title={p.title} action={{ href: "/admin/performances/new", label: p.new }}>
        <p className="text-ink-muted">{p.timeZoneNote}</p>
      </PageHeader>
      <p className="mb-4 flex gap-4">
        {past ? (
          <Link href="/admin/performances">{p.upcoming}</Link>
        ) : (
          <Link href="/admin/performances?past=1">{p.past}</Link>
        )}
      </p>
      <DataTable
        label={`${p.title}: ${past ? p.past : p.upcoming}`}
        rows={performances}
        empty={t.common.empty}
        columns={[
          {
            header: c.when,
            cell: (row) => <Link href={`/admin/performances/${row.id}`}>{when(row.startsAt)}</Link>,
          },
          { header: c.show, cell: (row) => row.show.title },
          { header: c.venue, cell: (row) => row.venue.name },
          { header: c.seats, cell: (row) => `${row.confirmedSeats} / ${row.capacity}` },
          { header: c.booking, cell: (row) => (row.isBookingEnabled ? p.open : p.closed) },
        ]}
      />
    </>
  );
}
