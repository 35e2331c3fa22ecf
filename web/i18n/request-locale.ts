import "server-only";

import { config } from "@/lib/config";
import { isLocale, LOCALE_COOKIE, type Locale } from "@/lib/i18n/locale";

/**
 * The language of an API request, for the emails it triggers: the language-switch
 * cookie, else the first supported Accept-Language, else DEFAULT_LOCALE.
 */
export function requestLocale(request: Request): Locale {
  const cookie = request.headers.get("cookie") ?? "";
  const chosen = new RegExp(`(?:^|;\\s*)${LOCALE_COOKIE}=([a-z]{2})`).exec(cookie)?.[1];
  if (isLocale(chosen)) return chosen;
  for (const part of (request.headers.get("accept-language") ?? "").split(",")) {
    const language = part.trim().slice(0, 2).toLowerCase();
    if (isLocale(language)) return language;
  }
  return config().DEFAULT_LOCALE;
}
