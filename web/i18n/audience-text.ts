import type { Locale } from "@/lib/i18n/locale";
import { en, it, type AudienceMessages } from "@/lib/i18n/messages/audience";

/** The audience's texts (waiting list, cancellations, messages; issue 18) in a language. */
export function audienceMessages(locale: Locale): AudienceMessages {
  return locale === "en" ? en : it;
}
