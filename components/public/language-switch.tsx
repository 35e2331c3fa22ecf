"use client";

import Link from "next/link";
import { useParams, usePathname } from "next/navigation";
import { LOCALES, type Locale } from "@/lib/i18n/locale";
import { localizedPath, splitLocale } from "@/lib/i18n/localized-path";
import type { PublicMessages } from "@/lib/i18n/messages/public";
import { setLocale } from "@/actions/set-locale";
import { useUrlSuffix } from "@/components/public/url-suffix";

/**
 * Links to this same page in each language (plain links: they work before JavaScript
 * loads, and a shared URL keeps its language), with its query and fragment. The current language is marked.
 */
export function LanguageSwitch({
  locale,
  t,
}: {
  locale: Locale;
  t: PublicMessages["site"]["language"];
}) {
  const { path } = splitLocale(usePathname() ?? "/");
  // The query and the fragment (a ticket's token) go along once the page has loaded.
  const suffix = useUrlSuffix();
  // Staff, admin and sign-in pages have no English URL: there the switch sets the
  // language cookie those pages read (a form post, so it works without JavaScript).
  if (useParams<{ locale?: string }>().locale === undefined)
    return <CookieLanguageSwitch locale={locale} t={t} />;
  return (
    <nav aria-label={t.label}>
      <ul className="flex items-center gap-1">
        {LOCALES.map((code) => (
          <li key={code}>
            <Link
              href={`${localizedPath(code, path)}${suffix}`}
              hrefLang={code}
              lang={code}
              aria-current={code === locale ? "true" : undefined}
              title={t[code]}
              className="inline-flex min-h-11 min-w-11 items-center justify-center rounded-md px-2 text-sm font-semibold text-ink-muted uppercase no-underline hover:bg-paper-sunken aria-[current]:bg-accent aria-[current]:text-white"
            >
              <span aria-hidden="true">{code}</span>
              <span className="sr-only">{t[code]}</span>
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}

function CookieLanguageSwitch({
  locale,
  t,
}: {
  locale: Locale;
  t: PublicMessages["site"]["language"];
}) {
  return (
    <form
      action={setLocale}
      className="flex items-center gap-1"
      aria-label={t.label}
      data-cookie-language-switch
    >
      {LOCALES.map((code) => (
        <button
          key={code}
          type="submit"
          name="locale"
          value={code}
          lang={code}
          aria-pressed={code === locale}
          title={t[code]}
          className="min-h-11 min-w-11 rounded-md px-2 text-sm font-semibold text-ink-muted uppercase hover:bg-paper-sunken aria-pressed:bg-accent aria-pressed:text-white"
        >
          <span aria-hidden="true">{code}</span>
          <span className="sr-only">{t[code]}</span>
        </button>
      ))}
    </form>
  );
}
