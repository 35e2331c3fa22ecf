import type { Metadata } from "next";
import { Unsubscribe } from "@/components/public/waitlist-links";
import { publicPageMetadata } from "@/web/i18n/metadata";
import { pageLocale, type LocaleParams } from "@/web/i18n/page-locale";
import { audienceMessages } from "@/web/i18n/audience-text";

// Runs a server action with the request's CSP nonce: never cached.
export const dynamic = "force-dynamic";

export async function generateMetadata({ params }: LocaleParams): Promise<Metadata> {
  const locale = await pageLocale(params);
  return publicPageMetadata({
    locale,
    path: "/unsubscribe",
    title: audienceMessages(locale).public.unsubscribe.title,
    index: false,
  });
}

export default async function UnsubscribePage({ params }: LocaleParams) {
  const locale = await pageLocale(params);
  const t = audienceMessages(locale).public;
  return (
    <div className="mx-auto max-w-2xl space-y-6">
      <h1 className="text-3xl font-semibold">{t.unsubscribe.title}</h1>
      <Unsubscribe t={t} />
    </div>
  );
}
