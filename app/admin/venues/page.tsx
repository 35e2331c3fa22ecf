import Link from "next/link";
import { DataTable } from "@/components/admin/data-table";
import { PageHeader } from "@/components/admin/page-header";
import { venueList } from "@/lib/admin/catalog";
import { db } from "@/lib/db";
import { adminContext } from "@/web/admin-context";
import type { Metadata } from "next";
import { adminTitle } from "@/web/admin-title";

export const generateMetadata = (): Promise<Metadata> => adminTitle((t) => t.venues.title);

export default async function VenuesPage() {
  const { t } = await adminContext("/admin/venues");
  const c = t.venues.columns;
  return (
    <>
      <PageHeader
        title={t.venues.title}
        action={{ href: "/admin/venues/new", label: t.venues.new }}
      />
      <DataTable
        label={t.venues.title}
        rows={await venueList(db)}
        empty={t.common.empty}
        columns={[
          { header: c.name, cell: (v) => <Link href={`/admin/venues/${v.id}`}>{v.name}</Link> },
          { header: c.city, cell: (v) => v.city },
          { header: c.performances, cell: (v) => v._count.performances },
        ]}
      />
    </>
  );
}
