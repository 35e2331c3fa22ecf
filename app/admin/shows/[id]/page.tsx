import { notFound } from "next/navigation";
import { deleteShowAction, saveShowAction } from "@/app/admin/shows/actions";
import { ConfirmAction } from "@/components/admin/confirm-action";
import { PageHeader } from "@/components/admin/page-header";
import { ShowForm } from "@/components/admin/show-form";
import { adminContext } from "@/web/admin-context";
import { routeId } from "@/lib/admin/route-id";
import { db } from "@/lib/db";
import { fill } from "@/lib/i18n/fill";

export default async function EditShowPage({ params }: { params: Promise<{ id: string }> }) {
  const id = routeId((await params).id);
  const { t } = await adminContext(`/admin/shows/${id ?? ""}`);
  const show = id ? await db.show.findUnique({ where: { id } }) : null;
  if (!show) notFound();
  return (
    <>
      <PageHeader title={t.shows.editTitle} />
      <ShowForm
        action={saveShowAction.bind(null, show.id)}
        defaults={{
          title: show.title,
          slug: show.slug,
          summary: show.summary,
          description: show.description,
          summaryEn: show.summaryEn,
          descriptionEn: show.descriptionEn,
          posterImage: show.posterImage,
          isPublished: show.isPublished,
        }}
        t={t}
      />
      <div className="mt-10 border-t border-line pt-6">
        <ConfirmAction
          name="confirm_delete_show"
          action={deleteShowAction.bind(null, show.id)}
          label={t.common.delete}
          title={t.common.confirmTitle}
          question={fill(t.shows.deleteConfirm, { title: show.title })}
          confirmLabel={t.common.delete}
          keepLabel={t.common.keep}
        />
      </div>
    </>
  );
}
