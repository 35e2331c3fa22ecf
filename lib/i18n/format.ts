import type { Locale } from "@/lib/i18n/locale";

const TAGS: Record<Locale, string> = { it: "it-IT", en: "en-GB" };

// Building an Intl formatter costs far more than using one (it was the largest cost of
// rendering a listing page): keep one per locale, zone and style.
const formatters = new Map<string, Intl.DateTimeFormat>();

function dateTimeFormat(
  tag: string,
  timeZone: string,
  style: "date" | "time",
): Intl.DateTimeFormat {
  const key = `${tag}|${timeZone}|${style}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    const options: Intl.DateTimeFormatOptions =
      style === "date"
        ? { weekday: "long", day: "numeric", month: "long", year: "numeric" }
        : { hour: "2-digit", minute: "2-digit", hourCycle: "h23" };
    formatter = new Intl.DateTimeFormat(tag, { timeZone, ...options });
    formatters.set(key, formatter);
  }
  return formatter;
}

/** "venerdì 12 dicembre 2026" / "Friday, 12 December 2026", in the theatre's time zone. */
export function formatDate(date: Date, locale: Locale, timeZone: string): string {
  return dateTimeFormat(TAGS[locale], timeZone, "date").format(date);
}

/** "21:00" in both languages (24-hour clock, as Italian audiences and en-GB expect). */
export function formatTime(date: Date, locale: Locale, timeZone: string): string {
  return dateTimeFormat(TAGS[locale], timeZone, "time").format(date);
}

export function formatDateTime(date: Date, locale: Locale, timeZone: string): string {
  return `${formatDate(date, locale, timeZone)}, ${formatTime(date, locale, timeZone)}`;
}

const numberFormats = new Map<Locale, Intl.NumberFormat>();

export function formatNumber(value: number, locale: Locale): string {
  let formatter = numberFormats.get(locale);
  if (!formatter) {
    formatter = new Intl.NumberFormat(TAGS[locale]);
    numberFormats.set(locale, formatter);
  }
  return formatter.format(value);
}
