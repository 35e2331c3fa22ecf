import "server-only";

import { config } from "@/lib/config";
import type { Locale } from "@/lib/i18n/locale";
import { formatDate, formatTime } from "@/lib/i18n/format";
import { findTicket, type TicketState } from "@/lib/reservations/find-ticket";
import { ticketCalendarFor } from "@/lib/reservations/ticket-calendar";
import { ticketQrDataUrl } from "@/lib/reservations/ticket-qr";
import { db } from "@/lib/db";
import { formatBookingCode } from "@/lib/check-ins/booking-code";

/** What the ticket page shows: already worded for the visitor's language; of personal data only the holder's name. */
export type TicketData = {
  state: TicketState;
  showTitle: string;
  showSlug: string;
  date: string;
  time: string;
  startsAtIso: string;
  venue: { name: string; address: string; city: string };
  partySize: number;
  /** The holder's own name (the ticket is opened with their token only). */
  name: string;
  /** Short code for the door when the QR will not scan, e.g. K7M-4QX. */
  bookingCode: string;
  qrCode: string | null;
  calendar: string;
};

/** The ticket a check-in token opens, ready for the page; null for anything that is not a ticket. */
export async function ticketDataFor(token: string, locale: Locale): Promise<TicketData | null> {
  const ticket = await findTicket({ db, token });
  if (!ticket) return null;
  const { TIME_ZONE, APP_URL } = config();
  const { performance } = ticket;
  return {
    state: ticket.state,
    showTitle: performance.show.title,
    showSlug: performance.show.slug,
    date: formatDate(performance.startsAt, locale, TIME_ZONE),
    time: formatTime(performance.startsAt, locale, TIME_ZONE),
    startsAtIso: performance.startsAt.toISOString(),
    venue: performance.venue,
    partySize: ticket.partySize,
    name: ticket.name,
    bookingCode: formatBookingCode(ticket.bookingCode),
    // A cancelled or used ticket shows no code that could be mistaken for a valid one.
    qrCode: ticket.state === "valid" ? ticketQrDataUrl(token) : null,
    calendar: ticketCalendarFor({ id: ticket.reservationId, performance }, APP_URL, locale),
  };
}
