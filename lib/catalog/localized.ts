import type { Locale } from "@/lib/i18n/locale";

/**
 * The text a visitor reads: the English version when the locale is `en` and an admin
 * wrote one, else the Italian original. A visitor never sees an empty text in place
 * of a filled Italian one.
 */
export function localized(locale: Locale, italian: string, english: string): string {
  return locale === "en" && english.trim() !== "" ? english : italian;
}

type ShowTexts = { summary: string; summaryEn: string };
type ShowDescription = { description: string; descriptionEn: string };

/** A show's summary (and description, when selected) in `locale`; the *En fields are dropped. */
export function localizeShow<T extends ShowTexts & Partial<ShowDescription>>(
  show: T,
  locale: Locale,
): Omit<T, "summaryEn" | "descriptionEn"> {
  const { summaryEn, descriptionEn, ...rest } = show;
  const texts: Partial<ShowDescription> & { summary: string } = {
    summary: localized(locale, show.summary, summaryEn),
  };
  if (show.description !== undefined)
    texts.description = localized(locale, show.description, descriptionEn ?? "");
  return { ...rest, ...texts };
}

/** A page's title and body in `locale`; the *En fields are dropped. */
export function localizePage<
  T extends { title: string; titleEn: string; body: string; bodyEn: string },
>(page: T, locale: Locale): Omit<T, "titleEn" | "bodyEn"> {
  const { titleEn, bodyEn, ...rest } = page;
  return {
    ...rest,
    title: localized(locale, page.title, titleEn),
    body: localized(locale, page.body, bodyEn),
  };
}
