import Link from "next/link";
import { DataTable } from "@/components/admin/data-table";
import { PageHeader } from "@/components/admin/page-header";
import { showList } from "@/lib/admin/catalog";
import { db } from "@/lib/db";
import { adminContext } from "@/web/admin-context";
import type { Metadata } from "next";
import { adminTitle } from "@/web/admin-title";

export const generateMetadata = (): Promise<Metadata> => adminTitle((t) => t.shows.title);

export default async function ShowsPage() {
  const { t } = await adminContext("/admin/shows");
  const c = t.shows.columns;
  return (
    <>
      <PageHeader title={t.shows.title} action={{ href: "/admin/shows/new", label: t.shows.new }} />
      <DataTable
        label={t.shows.title}
        rows={await showList(db)}
        empty={t.common.empty}
        columns={[
          { header: c.title, cell: (s) => <Link href={`/admin/shows/${s.id}`}>{s.title}</Link> },
          { header: c.status, cell: (s) => (s.isPublished ? t.common.published : t.common.draft) },
          { header: c.performances, cell: (s) => s._count.performances },
        ]}
      />
    </>
  );
}
