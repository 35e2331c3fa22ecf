import type { Metadata } from "next";
import { ConfirmReservation } from "@/components/public/confirm-reservation";
import { publicPageMetadata } from "@/web/i18n/metadata";
import { pageLocale, type LocaleParams } from "@/web/i18n/page-locale";
import { publicMessages } from "@/web/i18n/public-text";

// Runs a server action with the request's CSP nonce: never cached.
export const dynamic = "force-dynamic";

export async function generateMetadata({ params }: LocaleParams): Promise<Metadata> {
  const locale = await pageLocale(params);
  // The link carries a secret: keep the page out of search engines.
  return publicPageMetadata({
    locale,
    path: "/confirm",
    title: publicMessages(locale).confirm.title,
    index: false,
  });
}

export default async function ConfirmPage({ params }: LocaleParams) {
  const locale = await pageLocale(params);
  const t = publicMessages(locale);
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
