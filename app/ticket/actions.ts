"use server";

import { z } from "zod";
import { config } from "@/lib/config";
import { db } from "@/lib/db";
import { formatDate, formatTime } from "@/lib/i18n/format";
import { getLocale } from "@/lib/i18n/locale";
import { sendCancellationNotice } from "@/lib/mail/reservation-emails";
import { cancelReservationWithTicket } from "@/lib/reservations/cancel-reservation";
import { findTicket, type TicketState } from "@/lib/reservations/find-ticket";
import { ticketCalendarFor } from "@/lib/reservations/ticket-calendar";
import { ticketQrDataUrl } from "@/lib/reservations/ticket-qr";
import { parseActionArgs } from "@/lib/validation/action-args";

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

/** A raw token as a client may send it; findTicket decides whether it is one. */
const rawToken = z.string().max(512);

// Server actions are POSTs: the token travels in the body, never in a URL or a log line.
export async function loadTicket(token: string): Promise<TicketData | null> {
  const args = parseActionArgs([rawToken], [token]);
  if (!args) return null;
  const ticket = await findTicket({ db, token: args[0] });
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
    qrCode: ticket.state === "valid" ? ticketQrDataUrl(args[0]) : null,
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
  const args = parseActionArgs([rawToken], [token]);
  if (!args) return { ok: false, reason: "not_found" };
  const result = await cancelReservationWithTicket({ db, token: args[0] });
  if (!result.ok) {
    if (result.reason === "already_cancelled") return { ok: true };
    return { ok: false, reason: result.reason };
  }
  await sendCancellationNotice({ db, reservationId: result.reservationId });
  return { ok: true };
}
