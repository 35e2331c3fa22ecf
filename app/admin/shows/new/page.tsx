import { saveShowAction } from "@/app/admin/shows/actions";
import { ShowForm } from "@/components/admin/show-form";
import { PageHeader } from "@/components/admin/page-header";
import { adminContext } from "@/web/admin-context";
import type { Metadata } from "next";
import { adminTitle } from "@/web/admin-title";

export const generateMetadata = (): Promise<Metadata> => adminTitle((t) => t.shows.new);

export default async function NewShowPage() {
  const { t } = await adminContext("/admin/shows/new");
  return (
    <>
      <PageHeader title={t.shows.new} />
      <ShowForm action={saveShowAction.bind(null, null)} t={t} />
    </>
  );
}
