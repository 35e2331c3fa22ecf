import { notFound } from "next/navigation";
import { deletePageAction, savePageAction } from "@/app/admin/pages/actions";
import { ConfirmAction } from "@/components/admin/confirm-action";
import { PageHeader } from "@/components/admin/page-header";
import { PageForm } from "@/components/admin/page-form";
import { adminContext } from "@/web/admin-context";
import { routeId } from "@/lib/admin/route-id";
import { db } from "@/lib/db";
import { fill } from "@/lib/i18n/fill";

export default async function EditPagePage({ params }: { params: Promise<{ id: string }> }) {
  const id = routeId((await params).id);
  const { t } = await adminContext(`/admin/pages/${id ?? ""}`);
  const page = id ? await db.page.findUnique({ where: { id } }) : null;
  if (!page) notFound();
  return (
    <>
      <PageHeader title={t.pages.editTitle} />
      <PageForm
        action={savePageAction.bind(null, page.id)}
        defaults={{
          title: page.title,
          slug: page.slug,
          body: page.body,
          titleEn: page.titleEn,
          bodyEn: page.bodyEn,
          isPublished: page.isPublished,
        }}
        t={t}
      />
      <div className="mt-10 border-t border-line pt-6">
        <ConfirmAction
          name="confirm_delete_page"
          action={deletePageAction.bind(null, page.id)}
          label={t.common.delete}
          title={t.common.confirmTitle}
          question={fill(t.pages.deleteConfirm, { title: page.title })}
          confirmLabel={t.common.delete}
          keepLabel={t.common.keep}
        />
      </div>
    </>
  );
}
