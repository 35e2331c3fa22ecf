import { notFound } from "next/navigation";
import { deleteVenueAction, saveVenueAction } from "@/app/admin/venues/actions";
import { ConfirmAction } from "@/components/admin/confirm-action";
import { PageHeader } from "@/components/admin/page-header";
import { VenueForm } from "@/components/admin/venue-form";
import { adminContext } from "@/web/admin-context";
import { routeId } from "@/lib/admin/route-id";
import { db } from "@/lib/db";
import { fill } from "@/lib/i18n/fill";

export default async function EditVenuePage({ params }: { params: Promise<{ id: string }> }) {
  const id = routeId((await params).id);
  const { t } = await adminContext(`/admin/venues/${id ?? ""}`);
  const venue = id ? await db.venue.findUnique({ where: { id } }) : null;
  if (!venue) notFound();
  return (
    <>
      <PageHeader title={t.venues.editTitle} />
      <VenueForm
        action={saveVenueAction.bind(null, venue.id)}
        defaults={{
          name: venue.name,
          slug: venue.slug,
          address: venue.address,
          city: venue.city,
          notes: venue.notes,
        }}
        t={t}
      />
      <div className="mt-10 border-t border-line pt-6">
        <ConfirmAction
          name="confirm_delete_venue"
          action={deleteVenueAction.bind(null, venue.id)}
          label={t.common.delete}
          title={t.common.confirmTitle}
          question={fill(t.venues.deleteConfirm, { name: venue.name })}
          confirmLabel={t.common.delete}
          keepLabel={t.common.keep}
        />
      </div>
    </>
  );
}
