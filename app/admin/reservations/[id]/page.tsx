import type { Metadata } from "next";
import Link from "next/link";
import {
  sendEmailAgainAction,
  cancelReservationAction,
  checkInReservationAction,
  resendReservationEmailAction,
} from "@/app/admin/reservations/actions";
import { ConfirmAction } from "@/components/admin/confirm-action";
import { EmailDeliveriesTable } from "@/components/admin/email-deliveries-table";
import { PageHeader } from "@/components/admin/page-header";
import { adminRow } from "@/app/admin/crud-page";
import { emailHistory } from "@/lib/admin/email-deliveries";
import { db } from "@/lib/db";
import { reservationDetail } from "@/lib/admin/reservations";
import { fill } from "@/lib/i18n/fill";
import * as boxOffice from "@/lib/i18n/messages/box-office";
import { adminTitle } from "@/web/admin-title";
import { formatBookingCode } from "@/lib/check-ins/booking-code";

export const generateMetadata = async ({
  params,
}: {
  params: Promise<{ id: string }>;
}): Promise<Metadata> => {
  const { id } = await params;
  return adminTitle((t) => fill(t.reservations.detailTitle, { id }));
};

export default async function ReservationPage({ params }: { params: Promise<{ id: string }> }) {
  const {
    t,
    locale,
    when,
    whenShort,
    row: { reservation, events },
  } = await adminRow(params, "/admin/reservations", reservationDetail);
  const b = boxOffice[locale];
  const auditActions = { ...t.audit.actions, ...b.audit };
  const emails = await emailHistory(db, reservation.id);
  const r = t.reservations;
  const status = reservation.checkIn ? r.statuses.checked_in : r.statuses[reservation.status];
  const canCancel =
    !reservation.checkIn &&
    (reservation.status === "pending" || reservation.status === "confirmed");
  const canCheckIn = !reservation.checkIn && reservation.status === "confirmed";
  const canResend =
    reservation.email !== "" &&
    !reservation.checkIn &&
    (reservation.status === "pending" || reservation.status === "confirmed");
  const party = { name: reservation.name, party: reservation.partySize };
  // What the admin may do now, in the order the page offers it.
  const actions = [
    canCheckIn && {
      name: "confirm_check_in",
      action: checkInReservationAction,
      label: r.checkIn,
      question: fill(r.checkInConfirm, party),
      tone: "neutral" as const,
    },
    canResend && {
      name: "confirm_resend_email",
      action: resendReservationEmailAction,
      label: r.resend,
      question: fill(r.resendConfirm, { email: reservation.email }),
      tone: "neutral" as const,
    },
    canCancel && {
      name: "confirm_cancel_reservation",
      action: cancelReservationAction,
      label: r.cancel,
      question: fill(r.cancelConfirm, party),
      tone: "danger" as const,
    },
  ].filter((action) => action !== false);
  const editable =
    !reservation.anonymizedAt &&
    (reservation.status === "pending" || reservation.status === "confirmed");
  const facts = [
    [r.columns.status, status],
    [b.lists.code, formatBookingCode(reservation.bookingCode)],
    [b.book.fields.channel, b.channels[reservation.channel]],
    [
      r.columns.performance,
      `${reservation.performance.show.title} — ${when(reservation.performance.startsAt)}, ${reservation.performance.venue.name}`,
    ],
    [r.columns.email, reservation.email || "—"],
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
      {editable ? (
        <p className="mb-6">
          <Link
            href={`/admin/reservations/${reservation.id}/edit`}
            className="inline-block rounded-md border-2 border-ink px-4 py-2 font-semibold text-ink no-underline hover:bg-ink hover:text-white"
          >
            {b.edit.link}
          </Link>
        </p>
      ) : null}
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

      {actions.length > 0 ? (
        <section aria-labelledby="actions-heading" className="mb-8">
          <h2 id="actions-heading" className="mb-2 text-xl font-semibold">
            {t.common.actions}
          </h2>
          <div className="flex flex-wrap items-start gap-3">
            {actions.map(({ name, action, label, question, tone }) => (
              <ConfirmAction
                key={name}
                name={name}
                action={action.bind(null, reservation.id)}
                label={label}
                question={question}
                keepLabel={t.common.keep}
                tone={tone}
              />
            ))}
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
          <EmailDeliveriesTable
            rows={emails}
            t={t}
            when={whenShort}
            sendAgain={sendEmailAgainAction}
          />
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
                      ? (auditActions[event.detail] ?? event.detail)
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
