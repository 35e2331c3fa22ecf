import type { Event, WithContext } from "schema-dts";
import type { PublicPerformance } from "@/lib/catalog/public-catalog";
import type { Locale } from "@/lib/i18n/locale";
import { localizedPath } from "@/lib/i18n/localized-path";

/**
 * "2026-12-12T21:00:00+01:00": the instant as the theatre's wall-clock time with its UTC
 * offset, as schema.org and search engines expect a startDate.
 */
export function isoWithOffset(date: Date, timeZone: string): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat("en-CA", {
      timeZone,
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
      hourCycle: "h23",
    })
      .formatToParts(date)
      .map((part) => [part.type, part.value]),
  );
  const wall = Date.UTC(
    Number(parts.year),
    Number(parts.month) - 1,
    Number(parts.day),
    Number(parts.hour),
    Number(parts.minute),
    Number(parts.second),
  );
  const offsetMinutes = Math.round((wall - Math.floor(date.getTime() / 1000) * 1000) / 60_000);
  const sign = offsetMinutes < 0 ? "-" : "+";
  const abs = Math.abs(offsetMinutes);
  const offset = `${sign}${String(Math.floor(abs / 60)).padStart(2, "0")}:${String(abs % 60).padStart(2, "0")}`;
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}:${parts.second}${offset}`;
}

/**
 * One schema.org Event per performance of a show page: when, where, free admission with
 * InStock / SoldOut, in which language the page is. `siteUrl` is APP_URL.
 */
export function performanceEvents({
  show,
  performances,
  locale,
  timeZone,
  siteUrl,
}: {
  show: { title: string; slug: string; summary?: string | null; posterImage?: string | null };
  performances: PublicPerformance[];
  locale: Locale;
  timeZone: string;
  siteUrl: string;
}): WithContext<Event>[] {
  const absolute = (path: string) => new URL(path, `${siteUrl}/`).toString();
  return performances.map((performance) => ({
    "@context": "https://schema.org",
    "@type": "TheaterEvent",
    name: show.title,
    ...(show.summary ? { description: show.summary } : {}),
    ...(show.posterImage ? { image: absolute(show.posterImage) } : {}),
    url: absolute(localizedPath(locale, `/shows/${show.slug}`)),
    startDate: isoWithOffset(performance.startsAt, timeZone),
    eventStatus:
      performance.bookingState === "cancelled"
        ? "https://schema.org/EventCancelled"
        : "https://schema.org/EventScheduled",
    eventAttendanceMode: "https://schema.org/OfflineEventAttendanceMode",
    inLanguage: "it",
    location: {
      "@type": "Place",
      name: performance.venue.name,
      address: {
        "@type": "PostalAddress",
        streetAddress: performance.venue.address,
        addressLocality: performance.venue.city,
        addressCountry: "IT",
      },
    },
    organizer: { "@type": "Organization", name: "AzioneLab", url: absolute("/") },
    offers: {
      "@type": "Offer",
      price: 0,
      priceCurrency: "EUR",
      availability:
        performance.bookingState === "sold_out"
          ? "https://schema.org/SoldOut"
          : "https://schema.org/InStock",
      url: absolute(localizedPath(locale, `/shows/${show.slug}/${performance.id}`)),
    },
  }));
}

/** JSON for a <script type="application/ld+json">: no "</script>" can close it early. */
export function jsonLdScript(data: unknown): string {
  return JSON.stringify(data).replace(/</g, "\\u003c");
}
