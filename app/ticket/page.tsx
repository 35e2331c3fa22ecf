import type { Metadata } from "next";
import { TicketPage } from "@/components/public/ticket-page";
import { publicText } from "@/web/i18n/public-text";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await publicText()).t.ticket.title, robots: { index: false } };
}

export default async function Ticket() {
  const { t, locale } = await publicText();
  return (
    <div className="mx-auto max-w-2xl space-y-6">
      <h1 className="text-3xl font-semibold print:hidden">{t.ticket.title}</h1>
      <TicketPage
        t={t.ticket}
        calendarFilename={locale === "en" ? "azionelab-ticket.ics" : "azionelab-biglietto.ics"}
      />
    </div>
  );
}
