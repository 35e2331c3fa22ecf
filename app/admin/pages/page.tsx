import Link from "next/link";
import { DataTable } from "@/components/admin/data-table";
import { PageHeader } from "@/components/admin/page-header";
import { pageList } from "@/lib/admin/catalog";
import { db } from "@/lib/db";
import { adminContext } from "@/web/admin-context";
import type { Metadata } from "next";
import { adminTitle } from "@/web/admin-title";

export const generateMetadata = (): Promise<Metadata> => adminTitle((t) => t.pages.title);

export default async function PagesPage() {
  const { t } = await adminContext("/admin/pages");
  const c = t.pages.columns;
  return (
    <>
      <PageHeader title={t.pages.title} action={{ href: "/admin/pages/new", label: t.pages.new }} />
      <DataTable
        label={t.pages.title}
        rows={await pageList(db)}
        empty={t.common.empty}
        columns={[
          { header: c.title, cell: (p) => <Link href={`/admin/pages/${p.id}`}>{p.title}</Link> },
          { header: c.slug, cell: (p) => p.slug },
          { header: c.status, cell: (p) => (p.isPublished ? t.common.published : t.common.draft) },
        ]}
      />
    </>
  );
}
