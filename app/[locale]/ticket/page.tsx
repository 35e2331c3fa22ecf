import type { Metadata } from "next";
import { TicketPage } from "@/components/public/ticket-page";
import { publicPageMetadata } from "@/web/i18n/metadata";
import { pageLocale, type LocaleParams } from "@/web/i18n/page-locale";
import { publicMessages } from "@/web/i18n/public-text";

// Runs server actions with the request's CSP nonce: never cached.
export const dynamic = "force-dynamic";

export async function generateMetadata({ params }: LocaleParams): Promise<Metadata> {
  const locale = await pageLocale(params);
  return publicPageMetadata({
    locale,
    path: "/ticket",
    title: publicMessages(locale).ticket.title,
    index: false,
  });
}

export default async function Ticket({ params }: LocaleParams) {
  const locale = await pageLocale(params);
  const t = publicMessages(locale);
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
