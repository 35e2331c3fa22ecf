import Link from "next/link";
import { PageHeader, TableScroller, tableClass } from "@/components/admin/page-header";
import { adminContext } from "@/web/admin-context";
import { db } from "@/lib/db";

export default async function ShowsPage() {
  const { t } = await adminContext("/admin/shows");
  const shows = await db.show.findMany({
    orderBy: { title: "asc" },
    include: { _count: { select: { performances: true } } },
  });
  const c = t.shows.columns;
  return (
    <>
      <PageHeader title={t.shows.title} action={{ href: "/admin/shows/new", label: t.shows.new }} />
      {shows.length === 0 ? (
        <p>{t.common.empty}</p>
      ) : (
        <TableScroller label={t.shows.title}>
          <table className={tableClass}>
            <thead>
              <tr>
                <th scope="col">{c.title}</th>
                <th scope="col">{c.status}</th>
                <th scope="col">{c.performances}</th>
              </tr>
            </thead>
            <tbody>
              {shows.map((show) => (
                <tr key={show.id}>
                  <td>
                    <Link href={`/admin/shows/${show.id}`}>{show.title}</Link>
                  </td>
                  <td>{show.isPublished ? t.common.published : t.common.draft}</td>
                  <td>{show._count.performances}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroller>
      )}
    </>
  );
}
