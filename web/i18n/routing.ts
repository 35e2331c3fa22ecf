import { defineRouting } from "next-intl/routing";
import { DEFAULT_LOCALE_IN_URL, LOCALE_COOKIE, LOCALES } from "@/lib/i18n/locale";

/**
 * The public site's languages in the URL (next-intl): Italian at today's paths, so every
 * link already shared or emailed keeps working, English under /en. /it/... redirects to
 * the unprefixed path. No detection from Accept-Language or a cookie: a URL always means
 * the same page in the same language, which is what lets the pages be cached and shared.
 */
export const routing = defineRouting({
  locales: LOCALES,
  defaultLocale: DEFAULT_LOCALE_IN_URL,
  localePrefix: "as-needed",
  localeDetection: false,
  // Not for routing: the staff and admin pages follow the language last visited here.
  localeCookie: { name: LOCALE_COOKIE, maxAge: 60 * 60 * 24 * 365, sameSite: "lax" },
  // hreflang alternates go in each page's <head> (web/i18n/metadata.ts), with APP_URL.
  alternateLinks: false,
});

/** The header next-intl's middleware gives a public request: its language. */
export const LOCALE_HEADER = "x-next-intl-locale";
