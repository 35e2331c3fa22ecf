import { saveVenueAction } from "@/app/admin/venues/actions";
import { VenueForm } from "@/components/admin/venue-form";
import * as boxOffice from "@/lib/i18n/messages/box-office";
import { PageHeader } from "@/components/admin/page-header";
import { adminContext } from "@/web/admin-context";
import type { Metadata } from "next";
import { adminTitle } from "@/web/admin-title";

export const generateMetadata = (): Promise<Metadata> => adminTitle((t) => t.venues.new);

export default async function NewVenuePage() {
  const { t, locale } = await adminContext("/admin/venues/new");
  return (
    <>
      <PageHeader title={t.venues.new} />
      <VenueForm action={saveVenueAction.bind(null, null)} t={t} b={boxOffice[locale]} />
    </>
  );
}
