import Link from "next/link";
import { PageHeader, TableScroller, tableClass } from "@/components/admin/page-header";
import { adminContext } from "@/web/admin-context";
import { db } from "@/lib/db";

export default async function PagesPage() {
  const { t } = await adminContext("/admin/pages");
  const pages = await db.page.findMany({ orderBy: { title: "asc" } });
  const c = t.pages.columns;
  return (
    <>
      <PageHeader title={t.pages.title} action={{ href: "/admin/pages/new", label: t.pages.new }} />
      {pages.length === 0 ? (
        <p>{t.common.empty}</p>
      ) : (
        <TableScroller label={t.pages.title}>
          <table className={tableClass}>
            <thead>
              <tr>
                <th scope="col">{c.title}</th>
                <th scope="col">{c.slug}</th>
                <th scope="col">{c.status}</th>
              </tr>
            </thead>
            <tbody>
              {pages.map((page) => (
                <tr key={page.id}>
                  <td>
                    <Link href={`/admin/pages/${page.id}`}>{page.title}</Link>
                  </td>
                  <td>{page.slug}</td>
                  <td>{page.isPublished ? t.common.published : t.common.draft}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroller>
      )}
    </>
  );
}
