import { savePageAction } from "@/app/admin/pages/actions";
import { PageForm } from "@/components/admin/page-form";
import { PageHeader } from "@/components/admin/page-header";
import { adminContext } from "@/web/admin-context";
import type { Metadata } from "next";
import { adminTitle } from "@/web/admin-title";

export const generateMetadata = (): Promise<Metadata> => adminTitle((t) => t.pages.new);

export default async function NewPagePage() {
  const { t } = await adminContext("/admin/pages/new");
  return (
    <>
      <PageHeader title={t.pages.new} />
      <PageForm action={savePageAction.bind(null, null)} t={t} />
    </>
  );
}
