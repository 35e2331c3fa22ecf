"use server";

import { config } from "@/lib/config";
import { db } from "@/lib/db";
import { formatDate, formatTime } from "@/lib/i18n/format";
import { getLocale } from "@/web/i18n/locale";
import { cancelReservationWithTicket } from "@/lib/reservations/cancel-reservation";
import { findTicket, type TicketState } from "@/lib/reservations/find-ticket";
import { ticketCalendarFor } from "@/lib/reservations/ticket-calendar";
import { ticketQrDataUrl } from "@/lib/reservations/ticket-qr";

/** What the ticket page shows: already worded for the visitor's language, no personal data. */
export type TicketData = {
  state: TicketState;
  showTitle: string;
  showSlug: string;
  date: string;
  time: string;
  startsAtIso: string;
  venue: { name: string; address: string; city: string };
  partySize: number;
  qrCode: string | null;
  calendar: string;
};

// Server actions are POSTs: the token travels in the body, never in a URL or a log line.
export async function loadTicket(token: string): Promise<TicketData | null> {
  const ticket = await findTicket({ db, token: String(token) });
  if (!ticket) return null;
  const { TIME_ZONE, APP_URL } = config();
  const locale = await getLocale();
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
    // A cancelled or used ticket shows no code that could be mistaken for a valid one.
    qrCode: ticket.state === "valid" ? ticketQrDataUrl(token) : null,
    calendar: ticketCalendarFor({ id: ticket.reservationId, performance }, APP_URL),
  };
}

export type CancelTicketResult =
  | { ok: true }
  | {
      ok: false;
      reason: "performance_started" | "already_checked_in" | "not_cancellable" | "not_found";
    };

/** The visitor's cancellation: frees the seats, revokes the QR, sends the notice. */
export async function cancelTicket(token: string): Promise<CancelTicketResult> {
  const result = await cancelReservationWithTicket({ db, token: String(token) });
  if (!result.ok) {
    if (result.reason === "already_cancelled") return { ok: true };
    return { ok: false, reason: result.reason };
  }
  return { ok: true };
}
