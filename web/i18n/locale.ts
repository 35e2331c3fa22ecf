import "server-only";

import { cookies } from "next/headers";
import { config } from "@/lib/config";
import { isLocale, LOCALE_COOKIE, type Locale } from "@/lib/i18n/locale";

/** The language of this request: the visitor's switch (cookie), else DEFAULT_LOCALE. */
export async function getLocale(): Promise<Locale> {
  const chosen = (await cookies()).get(LOCALE_COOKIE)?.value;
  return isLocale(chosen) ? chosen : config().DEFAULT_LOCALE;
}
