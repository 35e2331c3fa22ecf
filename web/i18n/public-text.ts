import { type Locale } from "@/lib/i18n/locale";
import { getLocale } from "@/web/i18n/locale";
import { en, it, type PublicMessages } from "@/lib/i18n/messages/public";

export function publicMessages(locale: Locale): PublicMessages {
  return locale === "en" ? en : it;
}

/** The request's locale and the public dictionary in it (dynamic pages and actions). */
export async function publicText(): Promise<{ locale: Locale; t: PublicMessages }> {
  const locale = await getLocale();
  return { locale, t: publicMessages(locale) };
}
