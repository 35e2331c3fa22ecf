import type { Metadata } from "next";
import { WaitlistOffer } from "@/components/public/waitlist-links";
import { publicPageMetadata } from "@/web/i18n/metadata";
import { pageLocale, type LocaleParams } from "@/web/i18n/page-locale";
import { publicMessages } from "@/web/i18n/public-text";
import { audienceMessages } from "@/web/i18n/audience-text";

// Runs a server action with the request's CSP nonce: never cached.
export const dynamic = "force-dynamic";

export async function generateMetadata({ params }: LocaleParams): Promise<Metadata> {
  const locale = await pageLocale(params);
  return publicPageMetadata({
    locale,
    path: "/waitlist/offer",
    title: audienceMessages(locale).public.offer.title,
    index: false,
  });
}

export default async function WaitlistOfferPage({ params }: LocaleParams) {
  const locale = await pageLocale(params);
  const t = audienceMessages(locale).public;
  return (
    <div className="mx-auto max-w-2xl space-y-6">
      <h1 className="text-3xl font-semibold print:hidden">{t.offer.title}</h1>
      <WaitlistOffer
        t={t}
        ticketText={publicMessages(locale).ticket}
        calendarFilename={locale === "en" ? "azionelab-ticket.ics" : "azionelab-biglietto.ics"}
      />
    </div>
  );
}
