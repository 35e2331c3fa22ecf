import type { Metadata } from "next";
import Link from "next/link";
import { adminRow } from "@/app/admin/crud-page";
import { editReservationAction, moveReservationAction } from "@/app/admin/reservations/actions";
import { ReservationEditForm, ReservationMoveForm } from "@/components/admin/box-office-forms";
import { PageHeader } from "@/components/admin/page-header";
import { bookablePerformances } from "@/lib/admin/box-office-lists";
import { reservationDetail } from "@/lib/admin/reservations";
import { db } from "@/lib/db";
import { fill } from "@/lib/i18n/fill";
import * as boxOffice from "@/lib/i18n/messages/box-office";
import { adminTitle } from "@/web/admin-title";
import { tokenSettings } from "@/web/settings";
import { formatBookingCode } from "@/lib/check-ins/booking-code";

export const generateMetadata = async ({
  params,
}: {
  params: Promise<{ id: string }>;
}): Promise<Metadata> => {
  const { id } = await params;
  return adminTitle((t, b) => fill(b.edit.title, { id }));
};

export default async function EditReservationPage({ params }: { params: Promise<{ id: string }> }) {
  const {
    t,
    locale,
    whenShort,
    row: { reservation },
  } = await adminRow(params, "/admin/reservations", reservationDetail, "/edit");
  const b = boxOffice[locale];
  const editable =
    !reservation.anonymizedAt &&
    (reservation.status === "pending" || reservation.status === "confirmed");
  const movable = editable && !reservation.checkIn;
  const targets = movable
    ? (
        await bookablePerformances(db, {
          now: new Date(),
          checkInWindowHours: tokenSettings().checkInWindowHours,
        })
      ).filter((p) => p.id !== reservation.performanceId)
    : [];
  const status = reservation.checkIn
    ? t.reservations.statuses.checked_in
    : t.reservations.statuses[reservation.status];
  return (
    <>
      <PageHeader title={fill(b.edit.title, { id: reservation.id })}>
        <p className="text-lg">
          <Link href={`/admin/reservations/${reservation.id}`}>{reservation.name}</Link> ·{" "}
          {reservation.performance.show.title}, {whenShort(reservation.performance.startsAt)} ·{" "}
          {formatBookingCode(reservation.bookingCode)}
        </p>
      </PageHeader>
      {!editable ? (
        <p role="status">{fill(b.edit.notEditable, { status: status.toLowerCase() })}</p>
      ) : (
        <>
          <section aria-labelledby="edit-heading" className="mb-10">
            <h2 id="edit-heading" className="mb-3 text-xl font-semibold">
              {b.edit.details}
            </h2>
            <ReservationEditForm
              action={editReservationAction.bind(null, reservation.id)}
              defaults={{
                name: reservation.name,
                email: reservation.email,
                phone: reservation.phone,
                party_size: String(reservation.partySize),
                notes: reservation.notes,
                locale: reservation.locale === "en" ? "en" : "it",
              }}
              guest={reservation.channel === "guest"}
              t={t}
              b={b}
            />
          </section>
          {movable ? (
            <section aria-labelledby="move-heading">
              <h2 id="move-heading" className="mb-1 text-xl font-semibold">
                {b.edit.moveTitle}
              </h2>
              <p className="mb-3 max-w-2xl text-ink-muted">{b.edit.moveIntro}</p>
              <ReservationMoveForm
                action={moveReservationAction.bind(null, reservation.id)}
                performances={targets.map((p) => ({
                  value: String(p.id),
                  label: `${p.show.title} — ${whenShort(p.startsAt)} · ${fill(b.book.seatsLeft, { available: p.availableSeats }, locale)}`,
                }))}
                t={t}
                b={b}
              />
            </section>
          ) : null}
        </>
      )}
    </>
  );
}
