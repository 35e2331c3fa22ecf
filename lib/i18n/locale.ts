export const LOCALES = ["it", "en"] as const;
export type Locale = (typeof LOCALES)[number];

/** The visitor's explicit choice (language switch); without it, DEFAULT_LOCALE. */
export const LOCALE_COOKIE = "locale";

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (LOCALES as readonly string[]).includes(value);
}
