"use server";

import { headers } from "next/headers";
import { z } from "zod";
import { config } from "@/lib/config";
import { db } from "@/lib/db";
import { consumeRateLimits, consumeRateLimit } from "@/lib/rate-limit";
import { isWellFormedToken } from "@/lib/tokens";
import {
  actionId,
  formDataArg,
  parseActionArgs,
  previousState,
} from "@/lib/validation/action-args";
import { acceptOffer, type AcceptOfferResult } from "@/lib/waitlist/accept-offer";
import { confirmWaitlistEntry } from "@/lib/waitlist/confirm-entry";
import {
  waitlistFormValues,
  waitlistJoinInput,
  type WaitlistJoinFields,
} from "@/lib/waitlist/join-input";
import { joinWaitlist } from "@/lib/waitlist/join-waitlist";
import { leaveWaitlist } from "@/lib/waitlist/leave-waitlist";
import { unsubscribeFromMessages } from "@/lib/audience/unsubscribe";
import { clientAddress } from "@/web/http/client-address";
import { getLocale } from "@/web/i18n/locale";
import { tokenSettings, waitlistSettings } from "@/web/settings";
import { ticketDataFor, type TicketData } from "@/web/ticket-data";

/** Error codes, not texts: the form words them (lib/i18n/messages/waitlist.ts, public.ts). */
export type WaitlistFormState =
  | { status: "idle" }
  | {
      status: "invalid";
      errors: Partial<Record<WaitlistJoinFields, string>>;
      values: Record<WaitlistJoinFields, string | boolean>;
      refusal?:
        | "seats_available"
        | "booking_closed"
        | "performance_not_found"
        | "performance_cancelled"
        | "rate_limited";
      retryAfterMinutes?: number;
    }
  | { status: "sent"; email: string };

/**
 * Joining a performance's waiting list from its booking page (works without JavaScript:
 * the form posts here and the page comes back with this state). The same validation and
 * rate limit as a booking; the answer is the same whether or not the address was on the
 * list already.
 */
export async function submitWaitlistJoin(
  performanceId: number,
  previous: WaitlistFormState,
  formData: FormData,
): Promise<WaitlistFormState> {
  const args = parseActionArgs(
    [actionId, previousState, formDataArg],
    [performanceId, previous, formData],
  );
  if (!args) return { status: "idle" };
  const [id, , form] = args;
  const values = waitlistFormValues(form);
  const limit = await consumeRateLimits([["booking", clientAddress(await headers())]]);
  if (!limit.ok)
    return {
      status: "invalid",
      errors: {},
      values,
      refusal: "rate_limited",
      retryAfterMinutes: Math.ceil(limit.retryAfterSeconds / 60),
    };
  const parsed = waitlistJoinInput(config().MAX_PARTY_SIZE).safeParse(values);
  if (!parsed.success) {
    const errors: Partial<Record<WaitlistJoinFields, string>> = {};
    for (const issue of parsed.error.issues)
      errors[issue.path[0] as WaitlistJoinFields] ??= issue.message;
    return { status: "invalid", errors, values };
  }
  const { privacy_consent: _consent, ...input } = parsed.data;
  const result = await joinWaitlist({
    db,
    performanceId: id,
    input,
    locale: await getLocale(),
    settings: waitlistSettings(),
  });
  if (result.ok) return { status: "sent", email: input.email };
  return { status: "invalid", errors: {}, values, refusal: result.reason };
}

const linkToken = z.string().trim().max(100).refine(isWellFormedToken);

export type WaitlistConfirmOutcome =
  | { kind: "waiting"; position: number }
  | {
      kind:
        | "offered"
        | "already_confirmed"
        | "already_offered"
        | "token_expired"
        | "entry_ended"
        | "offers_closed"
        | "unknown"
        | "rate_limited";
    };

/** The address-confirmation link's one POST (the page reads the token from the fragment). */
export async function confirmWaitlistAction(token: unknown): Promise<WaitlistConfirmOutcome> {
  const parsed = linkToken.safeParse(token);
  if (!parsed.success) return { kind: "unknown" };
  const limit = await consumeRateLimit("confirm", clientAddress(await headers()));
  if (!limit.ok) return { kind: "rate_limited" };
  const result = await confirmWaitlistEntry({
    db,
    token: parsed.data,
    settings: waitlistSettings(),
  });
  if (result.ok)
    return result.status === "waiting"
      ? { kind: "waiting", position: result.position }
      : { kind: "offered" };
  return { kind: result.reason === "token_not_found" ? "unknown" : result.reason };
}

export type OfferOutcome =
  | { kind: "booked"; checkInToken: string; ticket: TicketData }
  | { kind: "already_booked"; offerHeld: boolean }
  | {
      kind:
        | Exclude<AcceptOfferResult, { ok: true } | { reason: "already_booked" }>["reason"]
        | "rate_limited";
    };

/** The offer link's one POST: books the held seats and answers with the ticket itself. */
export async function acceptOfferAction(token: unknown): Promise<OfferOutcome> {
  const parsed = linkToken.safeParse(token);
  if (!parsed.success) return { kind: "token_not_found" };
  const limit = await consumeRateLimit("confirm", clientAddress(await headers()));
  if (!limit.ok) return { kind: "rate_limited" };
  const result = await acceptOffer({ db, token: parsed.data, tokenSettings: tokenSettings() });
  if (!result.ok)
    return result.reason === "already_booked"
      ? { kind: result.reason, offerHeld: result.offerHeld }
      : { kind: result.reason };
  const ticket = await ticketDataFor(result.checkInToken, await getLocale());
  if (!ticket) return { kind: "token_not_found" };
  return { kind: "booked", checkInToken: result.checkInToken, ticket };
}

export type UnsubscribeOutcome = { kind: "idle" | "done" | "unknown" };

/** "No more reminders or messages" (a form on the page the emailed link opens). */
export async function unsubscribeAction(
  previous: UnsubscribeOutcome,
  formData: FormData,
): Promise<UnsubscribeOutcome> {
  const args = parseActionArgs([previousState, formDataArg], [previous, formData]);
  if (!args) return { kind: "unknown" };
  const parsed = linkToken.safeParse(args[1].get("token"));
  if (!parsed.success) return { kind: "unknown" };
  const result = await unsubscribeFromMessages({ db, token: parsed.data });
  return { kind: result.ok ? "done" : "unknown" };
}

export type LeaveOutcome = { kind: "left" | "declined" | "entry_ended" | "unknown" | "idle" };

/** "Leave the waiting list" (a form on the page the emailed link opens). */
export async function leaveWaitlistAction(
  previous: LeaveOutcome,
  formData: FormData,
): Promise<LeaveOutcome> {
  const args = parseActionArgs([previousState, formDataArg], [previous, formData]);
  if (!args) return { kind: "unknown" };
  const parsed = linkToken.safeParse(args[1].get("token"));
  if (!parsed.success) return { kind: "unknown" };
  const result = await leaveWaitlist({ db, token: parsed.data, settings: waitlistSettings() });
  if (result.ok) return { kind: result.declinedOffer ? "declined" : "left" };
  return { kind: result.reason === "token_not_found" ? "unknown" : result.reason };
}
