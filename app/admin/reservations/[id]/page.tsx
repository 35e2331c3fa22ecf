import Link from "next/link";
import { notFound } from "next/navigation";
import {
  cancelReservationAction,
  checkInReservationAction,
  resendReservationEmailAction,
} from "@/app/admin/reservations/actions";
import { ConfirmAction } from "@/components/admin/confirm-action";
import { EmailDeliveriesTable } from "@/components/admin/email-deliveries-table";
import { PageHeader } from "@/components/admin/page-header";
import { adminContext } from "@/web/admin-context";
import { emailHistory } from "@/lib/admin/email-deliveries";
import { reservationDetail } from "@/lib/admin/reservations";
import { routeId } from "@/lib/admin/route-id";
import { db } from "@/lib/db";
import { fill } from "@/lib/i18n/fill";

export default async function ReservationPage({ params }: { params: Promise<{ id: string }> }) {
  const id = routeId((await params).id);
  const { t, when, whenShort } = await adminContext(`/admin/reservations/${id ?? ""}`);
  const detail = id ? await reservationDetail(db, id) : null;
  if (!detail) notFound();
  const emails = await emailHistory(db, detail.reservation.id);
  const { reservation, events } = detail;
  const r = t.reservations;
  const status = reservation.checkIn ? r.statuses.checked_in : r.statuses[reservation.status];
  const canCancel =
    !reservation.checkIn &&
    (reservation.status === "pending" || reservation.status === "confirmed");
  const canCheckIn = !reservation.checkIn && reservation.status === "confirmed";
  const canResend =
    !reservation.checkIn &&
    (reservation.status === "pending" || reservation.status === "confirmed");
  const facts = [
    [r.columns.status, status],
    [
      r.columns.performance,
      `${reservation.performance.show.title} — ${when(reservation.performance.startsAt)}, ${reservation.performance.venue.name}`,
    ],
    [r.columns.email, reservation.email],
    [r.phone, reservation.phone || "—"],
    [r.party, String(reservation.partySize)],
    [r.notes, reservation.notes || "—"],
    [r.language, reservation.locale === "en" ? "English" : "Italiano"],
  ];
  return (
    <>
      <PageHeader title={fill(r.detailTitle, { id: reservation.id })}>
        <p className="text-lg">{reservation.name}</p>
      </PageHeader>
      {reservation.anonymizedAt ? <p className="mb-4 text-ink-muted">{r.anonymized}</p> : null}
      <section aria-labelledby="details-heading" className="mb-8">
        <h2 id="details-heading" className="mb-2 text-xl font-semibold">
          {r.details}
        </h2>
        <dl className="grid gap-x-6 gap-y-2 rounded-lg border border-line bg-paper-raised p-4 sm:grid-cols-[max-content_1fr]">
          {facts.map(([label, value]) => (
            <div key={label} className="contents">
              <dt className="font-semibold">{label}</dt>
              <dd className="break-words">
                {label === r.columns.performance ? (
                  <Link href={`/admin/performances/${reservation.performanceId}`}>{value}</Link>
                ) : (
                  value
                )}
              </dd>
            </div>
          ))}
        </dl>
      </section>

      {canCancel || canCheckIn || canResend ? (
        <section aria-labelledby="actions-heading" className="mb-8">
          <h2 id="actions-heading" className="mb-2 text-xl font-semibold">
            {t.common.actions}
          </h2>
          <div className="flex flex-wrap items-start gap-3">
            {canCheckIn ? (
              <ConfirmAction
                name="confirm_check_in"
                action={checkInReservationAction.bind(null, reservation.id)}
                label={r.checkIn}
                title={r.checkIn}
                question={fill(r.checkInConfirm, {
                  name: reservation.name,
                  party: reservation.partySize,
                })}
                confirmLabel={r.checkIn}
                keepLabel={t.common.keep}
                tone="neutral"
              />
            ) : null}
            {canResend ? (
              <ConfirmAction
                name="confirm_resend_email"
                action={resendReservationEmailAction.bind(null, reservation.id)}
                label={r.resend}
                title={r.resend}
                question={fill(r.resendConfirm, { email: reservation.email })}
                confirmLabel={r.resend}
                keepLabel={t.common.keep}
                tone="neutral"
              />
            ) : null}
            {canCancel ? (
              <ConfirmAction
                name="confirm_cancel_reservation"
                action={cancelReservationAction.bind(null, reservation.id)}
                label={r.cancel}
                title={r.cancel}
                question={fill(r.cancelConfirm, {
                  name: reservation.name,
                  party: reservation.partySize,
                })}
                confirmLabel={r.cancel}
                keepLabel={t.common.keep}
              />
            ) : null}
          </div>
        </section>
      ) : null}

      <section aria-labelledby="emails-heading" className="mb-8">
        <h2 id="emails-heading" className="mb-2 text-xl font-semibold">
          {t.emails.history}
        </h2>
        {emails.length === 0 ? (
          <p>{t.emails.noHistory}</p>
        ) : (
          <EmailDeliveriesTable rows={emails} t={t} when={whenShort} />
        )}
      </section>

      <section aria-labelledby="history-heading">
        <h2 id="history-heading" className="mb-2 text-xl font-semibold">
          {r.history}
        </h2>
        <ol className="space-y-2 border-l-2 border-line pl-4">
          {events.map((event, index) => (
            <li key={index}>
              <p className="text-sm text-ink-muted">{when(event.at)}</p>
              <p>
                {fill(r.events[event.kind], {
                  by: event.by ?? "",
                  source:
                    event.detail && event.kind === "checked_in"
                      ? r.sources[event.detail as keyof typeof r.sources]
                      : "",
                  action:
                    event.kind === "admin" && event.detail
                      ? (t.audit.actions[event.detail] ?? event.detail)
                      : "",
                })}
              </p>
            </li>
          ))}
        </ol>
      </section>
    </>
  );
}
