import Link from "next/link";
import { ForPageLocale } from "@/components/public/document";
import type { Locale } from "@/lib/i18n/locale";
import * as staffMessages from "@/lib/i18n/messages/staff";

function ForbiddenText({ locale }: { locale: Locale }) {
  const t = staffMessages[locale].forbidden;
  return (
    <section className="max-w-prose space-y-4">
      <h1 className="text-3xl font-semibold">{t.title}</h1>
      <p className="text-ink-muted">{t.body}</p>
      <ul className="space-y-1">
        <li>
          <Link href="/staff/check-in">{t.back}</Link>
        </li>
        <li>
          <Link href="/">{t.home}</Link>
        </li>
      </ul>
    </section>
  );
}

/**
 * A signed-in user without the role a page needs (web/auth/guards.ts). Next renders this
 * boundary into every page's payload, cached public pages included, so it reads no
 * request data (no cookie, no session): the language is the page's (Italian outside /en).
 */
export default function Forbidden() {
  return (
    <ForPageLocale
      parts={{ it: <ForbiddenText locale="it" />, en: <ForbiddenText locale="en" /> }}
    />
  );
}
