import Link from "next/link";
import { PageHeader, TableScroller, tableClass } from "@/components/admin/page-header";
import { adminContext } from "@/web/admin-context";
import { availabilityByPerformance } from "@/lib/availability";
import { db } from "@/lib/db";

export default async function PerformancesPage({
  searchParams,
}: {
  searchParams: Promise<{ past?: string }>;
}) {
  const { t, whenShort: when } = await adminContext("/admin/performances");
  const past = (await searchParams).past === "1";
  const now = new Date();
  const performances = await db.performance.findMany({
    where: past ? { startsAt: { lt: now } } : { startsAt: { gte: now } },
    orderBy: { startsAt: past ? "desc" : "asc" },
    take: 200,
    include: { show: { select: { title: true } }, venue: { select: { name: true } } },
  });
  const availability = await availabilityByPerformance(
    db,
    performances.map((p) => p.id),
  );
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
      {performances.length === 0 ? (
        <p>{t.common.empty}</p>
      ) : (
        <TableScroller label={`${p.title}: ${past ? p.past : p.upcoming}`}>
          <table className={tableClass}>
            <thead>
              <tr>
                <th scope="col">{c.when}</th>
                <th scope="col">{c.show}</th>
                <th scope="col">{c.venue}</th>
                <th scope="col">{c.seats}</th>
                <th scope="col">{c.booking}</th>
              </tr>
            </thead>
            <tbody>
              {performances.map((performance) => (
                <tr key={performance.id}>
                  <td>
                    <Link href={`/admin/performances/${performance.id}`}>
                      {when(performance.startsAt)}
                    </Link>
                  </td>
                  <td>{performance.show.title}</td>
                  <td>{performance.venue.name}</td>
                  <td>
                    {availability.get(performance.id)?.confirmedSeats ?? 0} /{" "}
                    {availability.get(performance.id)?.capacity ?? 0}
                  </td>
                  <td>{performance.isBookingEnabled ? p.open : p.closed}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroller>
      )}
    </>
  );
}
