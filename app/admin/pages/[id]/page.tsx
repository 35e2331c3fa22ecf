import { adminRow } from "@/app/admin/crud-page";
import { deletePageAction, savePageAction } from "@/app/admin/pages/actions";
import { DeleteSection } from "@/components/admin/delete-section";
import { PageHeader } from "@/components/admin/page-header";
import { PageForm } from "@/components/admin/page-form";
import { pageById } from "@/lib/admin/catalog";
import { fill } from "@/lib/i18n/fill";
import type { Metadata } from "next";
import { adminTitle } from "@/web/admin-title";

export const generateMetadata = async ({
  params,
}: {
  params: Promise<{ id: string }>;
}): Promise<Metadata> => {
  const { id } = await params;
  return adminTitle((t) => fill(t.common.numbered, { title: t.pages.editTitle, id }));
};

export default async function EditPagePage({ params }: { params: Promise<{ id: string }> }) {
  const { t, row: page } = await adminRow(params, "/admin/pages", pageById);
  return (
    <>
      <PageHeader title={t.pages.editTitle} />
      <PageForm action={savePageAction.bind(null, page.id)} page={page} t={t} />
      <DeleteSection
        name="confirm_delete_page"
        action={deletePageAction.bind(null, page.id)}
        question={fill(t.pages.deleteConfirm, { title: page.title })}
        t={t}
      />
    </>
  );
}
