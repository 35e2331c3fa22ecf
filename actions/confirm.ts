"use server";

import { headers } from "next/headers";
import { z } from "zod";
import { ticketDataFor, type TicketData } from "@/web/ticket-data";
import { db } from "@/lib/db";
import { consumeRateLimit } from "@/lib/rate-limit";
import {
  confirmReservation,
  type ConfirmReservationResult,
} from "@/lib/reservations/confirm-reservation";
import { isWellFormedToken } from "@/lib/tokens";
import { clientAddress } from "@/web/http/client-address";
import { getLocale } from "@/web/i18n/locale";
import { tokenSettings } from "@/web/settings";

/** What the visitor reads for each refusal (the words are in lib/i18n/messages/public.ts). */
export type ConfirmRefusal =
  | "already_confirmed"
  | "already_booked"
  | "cancelled"
  | "expired"
  | "sold_out"
  | "replaced"
  | "closed"
  | "unknown"
  | "rate_limited";

export type ConfirmOutcome =
  { kind: "confirmed"; checkInToken: string; ticket: TicketData } | { kind: ConfirmRefusal };

const REFUSALS: Record<Exclude<ConfirmReservationResult, { ok: true }>["reason"], ConfirmRefusal> =
  {
    token_not_found: "unknown",
    already_confirmed: "already_confirmed",
    already_booked: "already_booked",
    reservation_cancelled: "cancelled",
    token_expired: "expired",
    token_replaced: "replaced",
    booking_closed: "closed",
    insufficient_seats: "sold_out",
  };

const confirmationToken = z.string().trim().max(100).refine(isWellFormedToken);

/**
 * The confirmation page's one hop: confirms with the emailed token (the same use case
 * and rate limit as POST /api/reservations/confirm) and answers with the ticket itself,
 * ready to show. The token travels in the POST body, never in a URL.
 */
export async function confirmBooking(token: unknown): Promise<ConfirmOutcome> {
  const parsed = confirmationToken.safeParse(token);
  if (!parsed.success) return { kind: "unknown" };
  const limit = await consumeRateLimit("confirm", clientAddress(await headers()));
  if (!limit.ok) return { kind: "rate_limited" };
  // The ticket email is queued in the confirmation's transaction.
  const result = await confirmReservation({
    db,
    token: parsed.data,
    settings: tokenSettings(),
  });
  if (!result.ok) return { kind: REFUSALS[result.reason] };
  const ticket = await ticketDataFor(result.checkInToken, await getLocale());
  if (!ticket) return { kind: "unknown" };
  return { kind: "confirmed", checkInToken: result.checkInToken, ticket };
}
