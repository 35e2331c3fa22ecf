import { DEFAULT_LOCALE_IN_URL, isLocale, LOCALES, type Locale } from "@/lib/i18n/locale";

/**
 * The path of `path` (an Italian-era path such as "/shows/amleto" or "/confirm?token=…")
 * in `locale`: Italian stays at today's paths, English is under /en. Pure, for pages,
 * emails and the sitemap alike.
 *
 *   localizedPath("it", "/shows")  → "/shows"
 *   localizedPath("en", "/shows")  → "/en/shows"
 *   localizedPath("en", "/")       → "/en"
 *   localizedPath("en", "/?a=1")   → "/en?a=1"
 */
export function localizedPath(locale: Locale, path: string): string {
  const absolute = path.startsWith("/") ? path : `/${path}`;
  if (locale === DEFAULT_LOCALE_IN_URL) return absolute;
  if (absolute === "/" || /^\/[?#]/.test(absolute)) return `/${locale}${absolute.slice(1)}`;
  return `/${locale}${absolute}`;
}

/**
 * The language and the language-neutral path of a URL path: "/en/shows" → en, "/shows";
 * "/shows" → it, "/shows". "/it/shows" (the internal form of an Italian page) counts as
 * Italian too.
 */
export function splitLocale(pathname: string): { locale: Locale; path: string } {
  const match = /^\/([a-z]{2})(?=\/|$)(.*)$/.exec(pathname);
  if (match && isLocale(match[1])) return { locale: match[1], path: match[2] || "/" };
  return { locale: DEFAULT_LOCALE_IN_URL, path: pathname || "/" };
}

/** The same page in every language, for hreflang alternates and the sitemap. */
export function alternatePaths(path: string): Record<Locale, string> {
  return Object.fromEntries(
    LOCALES.map((locale) => [locale, localizedPath(locale, path)]),
  ) as Record<Locale, string>;
}
