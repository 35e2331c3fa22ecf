import type { Metadata } from "next";
import { ConfirmReservation } from "@/components/public/confirm-reservation";
import { publicText } from "@/web/i18n/public-text";

export async function generateMetadata(): Promise<Metadata> {
  // The link carries a secret in its fragment: keep the page out of search engines.
  return { title: (await publicText()).t.confirm.title, robots: { index: false } };
}

export default async function ConfirmPage() {
  const { t, locale } = await publicText();
  return (
    <div className="mx-auto max-w-2xl space-y-6">
      <h1 className="text-3xl font-semibold print:hidden">{t.confirm.title}</h1>
      <ConfirmReservation
        t={t.confirm}
        ticketText={t.ticket}
        calendarFilename={locale === "en" ? "azionelab-ticket.ics" : "azionelab-biglietto.ics"}
      />
    </div>
  );
}
