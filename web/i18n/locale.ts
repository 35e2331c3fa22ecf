import "server-only";

import { cookies, headers } from "next/headers";
import { config } from "@/lib/config";
import { isLocale, LOCALE_COOKIE, type Locale } from "@/lib/i18n/locale";
import { LOCALE_HEADER } from "@/web/i18n/routing";

/**
 * The language of this request. A public page or its server action: the language of its
 * URL (proxy.ts, next-intl's middleware, passes it in a request header). Elsewhere (staff,
 * admin): the language cookie, else DEFAULT_LOCALE.
 */
export async function getLocale(): Promise<Locale> {
  const fromUrl = (await headers()).get(LOCALE_HEADER);
  if (isLocale(fromUrl)) return fromUrl;
  const chosen = (await cookies()).get(LOCALE_COOKIE)?.value;
  return isLocale(chosen) ? chosen : config().DEFAULT_LOCALE;
}
