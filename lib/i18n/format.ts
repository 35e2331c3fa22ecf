import type { Locale } from "@/lib/i18n/locale";

const TAGS: Record<Locale, string> = { it: "it-IT", en: "en-GB" };

// Building an Intl formatter costs far more than using one (it was the largest cost of
// rendering a listing page): keep one per locale, zone and style.
const formatters = new Map<string, Intl.DateTimeFormat>();

function dateTimeFormat(
  tag: string,
  timeZone: string,
  style: "date" | "time" | "parts",
): Intl.DateTimeFormat {
  const key = `${tag}|${timeZone}|${style}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    const options: Intl.DateTimeFormatOptions =
      style === "date"
        ? { weekday: "long", day: "numeric", month: "long", year: "numeric" }
        : style === "time"
          ? { hour: "2-digit", minute: "2-digit", hourCycle: "h23" }
          : {
              hourCycle: "h23",
              year: "numeric",
              month: "2-digit",
              day: "2-digit",
              hour: "2-digit",
              minute: "2-digit",
              second: "2-digit",
            };
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

/** The wall-clock fields of `date` in `timeZone` (numbers), e.g. for offsets and ISO strings. */
export function zonedParts(
  date: Date,
  timeZone: string,
): { year: number; month: number; day: number; hour: number; minute: number; second: number } {
  const parts: Record<string, number> = {};
  for (const part of dateTimeFormat("en-US", timeZone, "parts").formatToParts(date)) {
    if (part.type !== "literal") parts[part.type] = Number(part.value);
  }
  return {
    year: parts.year,
    month: parts.month,
    day: parts.day,
    hour: parts.hour,
    minute: parts.minute,
    second: parts.second,
  };
}

/** ISO 8601 with the zone's offset, as the seed contract shows: "2026-05-15T20:30:00+02:00". */
export function formatIsoInZone(date: Date, timeZone: string): string {
  const p = zonedParts(date, timeZone);
  const local = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  const offsetMinutes = Math.round((local - Math.floor(date.getTime() / 1000) * 1000) / 60_000);
  const sign = offsetMinutes >= 0 ? "+" : "-";
  const abs = Math.abs(offsetMinutes);
  const two = (n: number) => String(n).padStart(2, "0");
  return `${p.year}-${two(p.month)}-${two(p.day)}T${two(p.hour)}:${two(p.minute)}:${two(p.second)}${sign}${two(Math.floor(abs / 60))}:${two(abs % 60)}`;
}
