import type { Metadata } from "next";
import { LostTicketForm } from "@/components/public/lost-ticket-form";
import { Alert } from "@/components/ui/alert";
import { publicPageMetadata } from "@/web/i18n/metadata";
import { pageLocale } from "@/web/i18n/page-locale";
import { publicMessages } from "@/web/i18n/public-text";

// A form with a server action (the request's CSP nonce): never cached.
export const dynamic = "force-dynamic";

type Props = {
  params: Promise<{ locale: string }>;
  searchParams: Promise<{ sent?: string }>;
};

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const locale = await pageLocale(params);
  return publicPageMetadata({
    locale,
    path: "/lost-ticket",
    title: publicMessages(locale).lost.title,
  });
}

export default async function LostTicketPage({ params, searchParams }: Props) {
  const t = publicMessages(await pageLocale(params));
  const { sent } = await searchParams;
  return (
    <div className="mx-auto max-w-xl space-y-6">
      <h1 className="text-3xl font-semibold sm:text-4xl">{t.lost.title}</h1>
      <p>{t.lost.intro}</p>
      {sent ? (
        <Alert tone="success" live>
          {t.lost.done}
        </Alert>
      ) : null}
      <LostTicketForm key={sent ?? ""} t={t.lost} />
    </div>
  );
}
