import { notFound } from "next/navigation";
import { isLocale, type Locale } from "@/lib/i18n/locale";

/** The props of a page under app/[locale]. */
export type LocaleParams = { params: Promise<{ locale: string }> };

/** The page's language, from its URL (never from a cookie: the page may be cached). */
export async function pageLocale(params: Promise<{ locale: string }>): Promise<Locale> {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  return locale;
}
