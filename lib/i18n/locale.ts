export const LOCALES = ["it", "en"] as const;
export type Locale = (typeof LOCALES)[number];

/** The language at today's (unprefixed) paths; every other language is under /<locale>. */
export const DEFAULT_LOCALE_IN_URL: Locale = "it";

/** The staff and admin pages' language (the public site's language is in its URL). */
export const LOCALE_COOKIE = "locale";

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (LOCALES as readonly string[]).includes(value);
}
