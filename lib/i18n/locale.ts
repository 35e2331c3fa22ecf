import { cookies } from "next/headers";
import { config } from "@/lib/config";

export const LOCALES = ["it", "en"] as const;
export type Locale = (typeof LOCALES)[number];

/** The visitor's explicit choice (language switch); without it, DEFAULT_LOCALE. */
export const LOCALE_COOKIE = "locale";

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (LOCALES as readonly string[]).includes(value);
}

export async function getLocale(): Promise<Locale> {
  const chosen = (await cookies()).get(LOCALE_COOKIE)?.value;
  return isLocale(chosen) ? chosen : config().DEFAULT_LOCALE;
}
