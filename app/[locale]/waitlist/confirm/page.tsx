import type { Metadata } from "next";
import { WaitlistConfirm } from "@/components/public/waitlist-links";
import { publicPageMetadata } from "@/web/i18n/metadata";
import { pageLocale, type LocaleParams } from "@/web/i18n/page-locale";
import { audienceMessages } from "@/web/i18n/audience-text";

// Runs a server action with the request's CSP nonce: never cached.
export const dynamic = "force-dynamic";

export async function generateMetadata({ params }: LocaleParams): Promise<Metadata> {
  const locale = await pageLocale(params);
  // The link carries a secret: keep the page out of search engines.
  return publicPageMetadata({
    locale,
    path: "/waitlist/confirm",
    title: audienceMessages(locale).public.confirm.title,
    index: false,
  });
}

export default async function WaitlistConfirmPage({ params }: LocaleParams) {
  const locale = await pageLocale(params);
  const t = audienceMessages(locale).public;
  return (
    <div className="mx-auto max-w-2xl space-y-6">
      <h1 className="text-3xl font-semibold">{t.confirm.title}</h1>
      <WaitlistConfirm t={t} />
    </div>
  );
}
