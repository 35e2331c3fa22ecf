import Link from "next/link";
import { ConfirmAction } from "@/components/admin/confirm-action";
import { TableScroller, tableClass } from "@/components/admin/page-header";
import type { EmailDeliveryRow } from "@/lib/admin/email-deliveries";
import type { FormState } from "@/lib/admin/form-state";
import { fill } from "@/lib/i18n/fill";
import type { AdminMessages } from "@/lib/i18n/messages/admin";

/** Email deliveries with their state; failed ones offer "send again". */
export function EmailDeliveriesTable({
  rows,
  t,
  when,
  sendAgain,
  showReservation = false,
}: {
  rows: (EmailDeliveryRow & {
    reservation?: { name: string } | null;
    waitlistEntry?: { name: string; performanceId: number } | null;
  })[];
  /** The page's server action (app/admin/reservations/actions.ts), bound per row here. */
  sendAgain: (deliveryId: number) => Promise<FormState>;
  t: AdminMessages;
  when: (date: Date) => string;
  showReservation?: boolean;
}) {
  const e = t.emails;
  const statusText = (row: EmailDeliveryRow) =>
    fill(e.statuses[row.status], {
      time:
        row.status === "sent" && row.sentAt
          ? when(row.sentAt)
          : row.nextAttemptAt
            ? when(row.nextAttemptAt)
            : "—",
      reason: row.lastError ?? "—",
    });
  return (
    <TableScroller label={e.history}>
      <table className={tableClass}>
        <thead>
          <tr>
            {showReservation ? <th scope="col">{e.columns.reservation}</th> : null}
            <th scope="col">{e.columns.kind}</th>
            <th scope="col">{e.columns.status}</th>
            <th scope="col">{e.columns.attempts}</th>
            <th scope="col">{e.columns.queued}</th>
            <th scope="col">
              <span className="sr-only">{t.common.actions}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.id}>
              {showReservation ? (
                <td>
                  {row.reservationId !== null ? (
                    <Link href={`/admin/reservations/${row.reservationId}`}>
                      {`#${row.reservationId}${row.reservation?.name ? ` — ${row.reservation.name}` : ""}`}
                    </Link>
                  ) : row.waitlistEntry ? (
                    <Link href={`/admin/performances/${row.waitlistEntry.performanceId}/waitlist`}>
                      {`${e.waitlistEntry} — ${row.waitlistEntry.name}`}
                    </Link>
                  ) : null}
                </td>
              ) : null}
              <td>{e.kinds[row.kind]}</td>
              <td>{statusText(row)}</td>
              <td>{row.attempts}</td>
              <td className="whitespace-nowrap">{when(row.createdAt)}</td>
              <td>
                {row.status === "failed" && row.reservationId !== null ? (
                  <ConfirmAction
                    name="confirm_send_email_again"
                    action={sendAgain.bind(null, row.id)}
                    label={e.sendAgain}
                    title={e.sendAgain}
                    question={e.sendAgainConfirm}
                    confirmLabel={e.sendAgain}
                    keepLabel={t.common.keep}
                    tone="neutral"
                  />
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroller>
  );
}
