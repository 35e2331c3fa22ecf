import { adminRow } from "@/app/admin/crud-page";
import { deleteVenueAction, saveVenueAction } from "@/app/admin/venues/actions";
import { DeleteSection } from "@/components/admin/delete-section";
import * as boxOffice from "@/lib/i18n/messages/box-office";
import { PageHeader } from "@/components/admin/page-header";
import { VenueForm } from "@/components/admin/venue-form";
import { venueById } from "@/lib/admin/catalog";
import { fill } from "@/lib/i18n/fill";
import type { Metadata } from "next";
import { adminTitle } from "@/web/admin-title";

export const generateMetadata = async ({
  params,
}: {
  params: Promise<{ id: string }>;
}): Promise<Metadata> => {
  const { id } = await params;
  return adminTitle((t) => fill(t.common.numbered, { title: t.venues.editTitle, id }));
};

export default async function EditVenuePage({ params }: { params: Promise<{ id: string }> }) {
  const { t, locale, row: venue } = await adminRow(params, "/admin/venues", venueById);
  return (
    <>
      <PageHeader title={t.venues.editTitle} />
      <VenueForm
        action={saveVenueAction.bind(null, venue.id)}
        venue={venue}
        t={t}
        b={boxOffice[locale]}
      />
      <DeleteSection
        name="confirm_delete_venue"
        action={deleteVenueAction.bind(null, venue.id)}
        question={fill(t.venues.deleteConfirm, { name: venue.name })}
        t={t}
      />
    </>
  );
}
