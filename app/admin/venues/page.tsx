import Link from "next/link";
import { PageHeader, TableScroller, tableClass } from "@/components/admin/page-header";
import { adminContext } from "@/web/admin-context";
import { db } from "@/lib/db";

export default async function VenuesPage() {
  const { t } = await adminContext("/admin/venues");
  const venues = await db.venue.findMany({
    orderBy: { name: "asc" },
    include: { _count: { select: { performances: true } } },
  });
  const c = t.venues.columns;
  return (
    <>
      <PageHeader
        title={t.venues.title}
        action={{ href: "/admin/venues/new", label: t.venues.new }}
      />
      {venues.length === 0 ? (
        <p>{t.common.empty}</p>
      ) : (
        <TableScroller label={t.venues.title}>
          <table className={tableClass}>
            <thead>
              <tr>
                <th scope="col">{c.name}</th>
                <th scope="col">{c.city}</th>
                <th scope="col">{c.performances}</th>
              </tr>
            </thead>
            <tbody>
              {venues.map((venue) => (
                <tr key={venue.id}>
                  <td>
                    <Link href={`/admin/venues/${venue.id}`}>{venue.name}</Link>
                  </td>
                  <td>{venue.city}</td>
                  <td>{venue._count.performances}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroller>
      )}
    </>
  );
}
