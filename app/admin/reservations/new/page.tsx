import type { Metadata } from "next";
import { bookReservationAction } from "@/app/admin/reservations/actions";
import { AdminBookingForm } from "@/components/admin/box-office-forms";
import { PageHeader } from "@/components/admin/page-header";
import { bookablePerformances } from "@/lib/admin/box-office-lists";
import { db } from "@/lib/db";
import { fill } from "@/lib/i18n/fill";
import * as boxOffice from "@/lib/i18n/messages/box-office";
import { parseRowId } from "@/lib/validation/text";
import { adminContext } from "@/web/admin-context";
import { adminTitle } from "@/web/admin-title";
import { tokenSettings } from "@/web/settings";

export const generateMetadata = (): Promise<Metadata> => adminTitle((t, b) => b.book.title);

export default async function NewBookingPage({
  searchParams,
}: {
  searchParams: Promise<{ performance?: string }>;
}) {
  const { t, locale, whenShort } = await adminContext("/admin/reservations/new");
  const b = boxOffice[locale];
  const performances = await bookablePerformances(db, {
    now: new Date(),
    checkInWindowHours: tokenSettings().checkInWindowHours,
  });
  const chosen = parseRowId((await searchParams).performance);
  return (
    <>
      <PageHeader title={b.book.title}>
        <p className="max-w-2xl text-ink-muted">{b.book.intro}</p>
      </PageHeader>
      <AdminBookingForm
        action={bookReservationAction}
        performances={performances.map((p) => ({
          value: String(p.id),
          label: `${p.show.title} — ${whenShort(p.startsAt)} · ${fill(b.book.seatsLeft, { available: p.availableSeats }, locale)}`,
        }))}
        performanceId={chosen && performances.some((p) => p.id === chosen) ? String(chosen) : ""}
        t={t}
        b={b}
      />
    </>
  );
}
