import Link from "next/link";
import { ForPageLocale } from "@/components/public/document";
import { LOCALES, type Locale } from "@/lib/i18n/locale";
import { localizedPath } from "@/lib/i18n/localized-path";
import { publicMessages } from "@/web/i18n/public-text";

function NotFoundText({ locale }: { locale: Locale }) {
  const t = publicMessages(locale).notFound;
  return (
    <section className="max-w-prose space-y-4">
      <h1 className="text-3xl font-semibold">{t.title}</h1>
      <p className="text-ink-muted">{t.body}</p>
      <p>
        <Link href={localizedPath(locale, "/")}>{t.back}</Link>
      </p>
    </section>
  );
}

/**
 * Any unknown URL, in the language of its /en prefix when it has one, else Italian. Reads
 * no request data: it is also what a cached page's notFound() renders.
 */
export default function NotFound() {
  return (
    <ForPageLocale
      parts={
        Object.fromEntries(
          LOCALES.map((locale) => [locale, <NotFoundText key={locale} locale={locale} />]),
        ) as Record<Locale, React.ReactNode>
      }
    />
  );
}
