import type { Locale } from "@/lib/i18n/locale";

const TAGS: Record<Locale, string> = { it: "it-IT", en: "en-GB" };

/** "venerdì 12 dicembre 2026" / "Friday, 12 December 2026", in the theatre's time zone. */
export function formatDate(date: Date, locale: Locale, timeZone: string): string {
  return new Intl.DateTimeFormat(TAGS[locale], { timeZone, weekday: "long", day: "numeric", month: "long", year: "numeric" }).format(date);
}

/** "21:00" in both languages (24-hour clock, as Italian audiences and en-GB expect). */
export function formatTime(date: Date, locale: Locale, timeZone: string): string {
  return new Intl.DateTimeFormat(TAGS[locale], { timeZone, hour: "2-digit", minute: "2-digit", hourCycle: "h23" }).format(date);
}

export function formatDateTime(date: Date, locale: Locale, timeZone: string): string {
  return `${formatDate(date, locale, timeZone)}, ${formatTime(date, locale, timeZone)}`;
}

export function formatNumber(value: number, locale: Locale): string {
  return new Intl.NumberFormat(TAGS[locale]).format(value);
}

/** ISO 8601 with the zone's offset, as the seed contract shows: "2026-05-15T20:30:00+02:00". */
export function formatIsoInZone(date: Date, timeZone: string): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat("en-US", { timeZone, hourCycle: "h23", year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", second: "2-digit" })
      .formatToParts(date)
      .map((part) => [part.type, part.value]),
  );
  const local = Date.UTC(+parts.year, +parts.month - 1, +parts.day, +parts.hour, +parts.minute, +parts.second);
  const offsetMinutes = Math.round((local - Math.floor(date.getTime() / 1000) * 1000) / 60_000);
  const sign = offsetMinutes >= 0 ? "+" : "-";
  const abs = Math.abs(offsetMinutes);
  const offset = `${sign}${String(Math.floor(abs / 60)).padStart(2, "0")}:${String(abs % 60).padStart(2, "0")}`;
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}:${parts.second}${offset}`;
}
