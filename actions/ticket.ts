"use server";

import { z } from "zod";
import { db } from "@/lib/db";
import { getLocale } from "@/web/i18n/locale";
import { cancelReservationWithTicket } from "@/lib/reservations/cancel-reservation";
import { parseActionArgs } from "@/lib/validation/action-args";
import { ticketDataFor, type TicketData } from "@/web/ticket-data";
import { waitlistSettings } from "@/web/settings";

export type { TicketData };

/** A raw token as a client may send it; findTicket decides whether it is one. */
const rawToken = z.string().max(512);

// Server actions are POSTs: the token travels in the body, never in a URL or a log line.
export async function loadTicket(token: string): Promise<TicketData | null> {
  const args = parseActionArgs([rawToken], [token]);
  if (!args) return null;
  return ticketDataFor(args[0], await getLocale());
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
  const result = await cancelReservationWithTicket({
    db,
    token: args[0],
    waitlist: waitlistSettings(),
  });
  if (!result.ok) {
    if (result.reason === "already_cancelled") return { ok: true };
    return { ok: false, reason: result.reason };
  }
  return { ok: true };
}
