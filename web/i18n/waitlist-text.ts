import type { Locale } from "@/lib/i18n/locale";
import { en, it, type WaitlistMessages } from "@/lib/i18n/messages/waitlist";

/** The waiting list's texts (issue 18) in a language. */
export function waitlistMessages(locale: Locale): WaitlistMessages {
  return locale === "en" ? en : it;
}
