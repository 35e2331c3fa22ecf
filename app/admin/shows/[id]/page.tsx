import { adminRow } from "@/app/admin/crud-page";
import { deleteShowAction, saveShowAction } from "@/app/admin/shows/actions";
import { DeleteSection } from "@/components/admin/delete-section";
import { PageHeader } from "@/components/admin/page-header";
import { ShowForm } from "@/components/admin/show-form";
import { showById } from "@/lib/admin/catalog";
import { fill } from "@/lib/i18n/fill";
import { posterImageOf } from "@/lib/posters/poster-image";
import type { Metadata } from "next";
import { adminTitle } from "@/web/admin-title";

export const generateMetadata = async ({
  params,
}: {
  params: Promise<{ id: string }>;
}): Promise<Metadata> => {
  const { id } = await params;
  return adminTitle((t) => fill(t.common.numbered, { title: t.shows.editTitle, id }));
};

export default async function EditShowPage({ params }: { params: Promise<{ id: string }> }) {
  const { t, row: show } = await adminRow(params, "/admin/shows", showById);
  return (
    <>
      <PageHeader title={t.shows.editTitle} />
      <ShowForm
        action={saveShowAction.bind(null, show.id)}
        show={show}
        poster={posterImageOf(show.poster, show.posterAlt || show.title)}
        t={t}
      />
      <DeleteSection
        name="confirm_delete_show"
        action={deleteShowAction.bind(null, show.id)}
        question={fill(t.shows.deleteConfirm, { title: show.title })}
        t={t}
      />
    </>
  );
}
