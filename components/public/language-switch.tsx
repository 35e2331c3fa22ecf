"use client";

import Link from "next/link";
import { useParams, usePathname } from "next/navigation";
import { LOCALES, type Locale } from "@/lib/i18n/locale";
import { localizedPath, splitLocale } from "@/lib/i18n/localized-path";
import type { PublicMessages } from "@/lib/i18n/messages/public";

/**
 * Links to this same page in each language (plain links: they work before JavaScript
 * loads, and a shared URL keeps its language). The current language is marked.
 */
export function LanguageSwitch({
  locale,
  t,
}: {
  locale: Locale;
  t: PublicMessages["site"]["language"];
}) {
  const { path } = splitLocale(usePathname() ?? "/");
  // Staff and admin pages have no English URL: no switch there.
  if (useParams<{ locale?: string }>().locale === undefined) return null;
  return (
    <nav aria-label={t.label}>
      <ul className="flex items-center gap-1">
        {LOCALES.map((code) => (
          <li key={code}>
            <Link
              href={localizedPath(code, path)}
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
