"use server";

import { db } from "@/lib/db";
import { getLocale } from "@/web/i18n/locale";
import { sendCancellationNotice } from "@/lib/mail/reservation-emails";
import { cancelReservationWithTicket } from "@/lib/reservations/cancel-reservation";
import { ticketDataFor, type TicketData } from "@/web/ticket-data";

export type { TicketData };

// Server actions are POSTs: the token travels in the body, never in a URL or a log line.
export async function loadTicket(token: unknown): Promise<TicketData | null> {
  return typeof token === "string" ? ticketDataFor(token, await getLocale()) : null;
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
  await sendCancellationNotice({ db, reservationId: result.reservationId });
  return { ok: true };
}
