import type { Locale } from "@/lib/i18n/locale";
import { localizedPath } from "@/lib/i18n/localized-path";
import type { ReservationDetails } from "@/lib/reservations/reservation-details";
// A show without a stated running time (shows.duration_minutes) is assumed to run two hours.
const ASSUMED_DURATION_MINUTES = 120;

export type CalendarEvent = {
  uid: string;
  title: string;
  startsAt: Date;
  /** Running time; null or absent: ASSUMED_DURATION_MINUTES. */
  durationMinutes?: number | null;
  location: string;
  description: string;
  url: string;
  now?: Date;
};

function utcStamp(date: Date): string {
  return date
    .toISOString()
    .replace(/[-:]/g, "")
    .replace(/\.\d{3}/, "");
}

// RFC 5545 §3.3.11: backslash, semicolon, comma and newline are escaped in TEXT values.
function escapeText(value: string): string {
  return value
    .replace(/\\/g, "\\\\")
    .replace(/;/g, "\\;")
    .replace(/,/g, "\\,")
    .replace(/\r?\n/g, "\\n");
}

// RFC 5545 §3.1: lines longer than 75 octets are folded with CRLF + space.
function fold(line: string): string {
  const bytes = Buffer.from(line, "utf8");
  if (bytes.length <= 75) return line;
  const parts: string[] = [];
  let current = "";
  for (const char of line) {
    const limit = parts.length === 0 ? 75 : 74;
    if (Buffer.byteLength(current + char, "utf8") > limit) {
      parts.push(current);
      current = "";
    }
    current += char;
  }
  parts.push(current);
  return parts.join("\r\n ");
}

/** An iCalendar file with one event, for "add to calendar" and the ticket email. */
export function ticketCalendar(event: CalendarEvent): string {
  const lines = [
    "BEGIN:VCALENDAR",
    "VERSION:2.0",
    "PRODID:-//AzioneLab//Biglietteria//IT",
    "CALSCALE:GREGORIAN",
    "METHOD:PUBLISH",
    "BEGIN:VEVENT",
    `UID:${event.uid}`,
    `DTSTAMP:${utcStamp(event.now ?? new Date())}`,
    `DTSTART:${utcStamp(event.startsAt)}`,
    `DTEND:${utcStamp(new Date(event.startsAt.getTime() + (event.durationMinutes ?? ASSUMED_DURATION_MINUTES) * 60_000))}`,
    `SUMMARY:${escapeText(event.title)}`,
    `LOCATION:${escapeText(event.location)}`,
    `DESCRIPTION:${escapeText(event.description)}`,
    `URL:${event.url}`,
    "END:VEVENT",
    "END:VCALENDAR",
  ];
  return lines.map(fold).join("\r\n") + "\r\n";
}

/**
 * The calendar event of a reservation; it links to the show page in the visitor's
 * language, never to the ticket (no token in calendars).
 */
export function ticketCalendarFor(
  reservation: Pick<ReservationDetails, "id" | "performance">,
  appUrl: string,
  locale: Locale,
): string {
  const { performance } = reservation;
  const location = `${performance.venue.name}, ${performance.venue.address}, ${performance.venue.city}`;
  const showUrl = `${appUrl}${localizedPath(locale, `/shows/${performance.show.slug}`)}`;
  return ticketCalendar({
    uid: `reservation-${reservation.id}@${new URL(appUrl).host}`,
    title: `${performance.show.title} · AzioneLab`,
    startsAt: performance.startsAt,
    durationMinutes: performance.show.durationMinutes,
    location,
    description: showUrl,
    url: showUrl,
  });
}
