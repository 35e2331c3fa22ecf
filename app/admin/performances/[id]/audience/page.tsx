import Link from "next/link";
import { adminRow } from "@/app/admin/crud-page";
import {
  cancelPerformanceAction,
  holderMessageAction,
} from "@/app/admin/performances/audience-actions";
import { ConfirmAction } from "@/components/admin/confirm-action";
import { HolderMessageForm } from "@/components/admin/holder-message-form";
import { PageHeader, TableScroller, tableClass } from "@/components/admin/page-header";
import { messagesOf } from "@/lib/audience/message-history";
import { db } from "@/lib/db";
import type { Db } from "@/lib/db";
import { fill } from "@/lib/i18n/fill";
import { audienceMessages } from "@/web/i18n/audience-text";

function performanceWithState(db: Db, id: number) {
  return db.performance.findUnique({
    where: { id },
    select: {
      id: true,
      startsAt: true,
      cancelledAt: true,
      show: { select: { title: true } },
      venue: { select: { name: true } },
    },
  });
}

export default async function AudiencePage({ params }: { params: Promise<{ id: string }> }) {
  const {
    t: admin,
    locale,
    whenShort,
    id,
    row: performance,
  } = await adminRow(params, "/admin/performances", performanceWithState, "/audience");
  const t = audienceMessages(locale).admin.audience;
  const sends = await messagesOf(db, id);
  return (
    <>
      <PageHeader title={`${t.title}: ${performance.show.title}`}>
        <p className="text-ink-muted">
          {whenShort(performance.startsAt)} · {performance.venue.name} ·{" "}
          <Link href={`/admin/performances/${id}`}>{admin.common.edit}</Link>
        </p>
        {performance.cancelledAt ? (
          <p className="mt-2 font-semibold text-danger" data-testid="performance-cancelled">
            {fill(t.cancelled, { when: whenShort(performance.cancelledAt) })}
          </p>
        ) : null}
      </PageHeader>

      <section aria-labelledby="message-title" className="mb-10 max-w-2xl space-y-3">
        <h2 id="message-title" className="text-xl font-semibold">
          {t.messageTitle}
        </h2>
        <p className="text-ink-muted">{t.messageIntro}</p>
        <HolderMessageForm
          action={holderMessageAction.bind(null, id)}
          t={t}
          errors={admin.errors}
        />
      </section>

      <section aria-labelledby="sends-title" className="mb-10 space-y-3">
        <h2 id="sends-title" className="text-xl font-semibold">
          {t.historyTitle}
        </h2>
        {sends.length === 0 ? (
          <p>—</p>
        ) : (
          <TableScroller label={t.historyTitle}>
            <table className={tableClass}>
              <thead>
                <tr>
                  <th scope="col">{t.columns.when}</th>
                  <th scope="col">{t.columns.kind}</th>
                  <th scope="col">{t.columns.subject}</th>
                  <th scope="col">{t.columns.recipients}</th>
                  <th scope="col">{t.columns.delivery}</th>
                </tr>
              </thead>
              <tbody>
                {sends.map((send) => (
                  <tr key={send.id} data-testid={`send-${send.kind}`}>
                    <td className="whitespace-nowrap">{whenShort(send.created_at)}</td>
                    <td>{t.kinds[send.kind]}</td>
                    <td>{send.subject || "—"}</td>
                    <td>{send.recipients}</td>
                    <td>
                      {fill(t.delivery, {
                        sent: send.sent,
                        failed: send.failed,
                        pending: send.pending,
                      })}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroller>
        )}
      </section>

      {performance.cancelledAt ? null : (
        <section
          aria-labelledby="cancel-title"
          className="max-w-2xl space-y-3 rounded-lg border border-danger p-4"
        >
          <h2 id="cancel-title" className="text-xl font-semibold">
            {t.cancelTitle}
          </h2>
          <p>{t.cancelIntro}</p>
          <ConfirmAction
            name="confirm_cancel_performance"
            action={cancelPerformanceAction.bind(null, id)}
            label={t.cancelAction}
            question={t.cancelQuestion}
            keepLabel={admin.common.keep}
          />
        </section>
      )}
    </>
  );
}
