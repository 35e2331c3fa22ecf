import { sendEmailAgainAction } from "@/app/admin/reservations/actions";
import { EmailDeliveriesTable } from "@/components/admin/email-deliveries-table";
import { PageHeader } from "@/components/admin/page-header";
import { failedEmails } from "@/lib/admin/email-deliveries";
import { db } from "@/lib/db";
import { adminContext } from "@/web/admin-context";
import type { Metadata } from "next";
import { adminTitle } from "@/web/admin-title";

export const generateMetadata = (): Promise<Metadata> => adminTitle((t) => t.emails.title);

export default async function FailedEmailsPage() {
  const { t, whenShort } = await adminContext("/admin/emails");
  const rows = await failedEmails(db);
  return (
    <>
      <PageHeader title={t.emails.title}>
        <p className="text-ink-muted">{t.emails.intro}</p>
      </PageHeader>
      {rows.length === 0 ? (
        <p>{t.emails.none}</p>
      ) : (
        <EmailDeliveriesTable
          rows={rows}
          t={t}
          when={whenShort}
          sendAgain={sendEmailAgainAction}
          showReservation
        />
      )}
    </>
  );
}
