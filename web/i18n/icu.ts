import { createTranslator } from "next-intl";
import type { Locale } from "@/lib/i18n/locale";

type Values = Record<string, string | number>;

const translators = new Map<string, (values: Values) => string>();

/**
 * Formats one ICU message of the public dictionary with next-intl: plurals
 * (`{count, plural, one {# posto} other {# posti}}`) and numbers in the locale's style,
 * so "1 posti" cannot happen. Parsed once per message.
 */
export function icu(locale: Locale, message: string, values: Values = {}): string {
  const key = `${locale}\u0000${message}`;
  let format = translators.get(key);
  if (!format) {
    const t = createTranslator({ locale, messages: { message } });
    format = (v) => t("message", v);
    translators.set(key, format);
  }
  return format(values);
}
