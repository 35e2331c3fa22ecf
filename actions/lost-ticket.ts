"use server";

import { after } from "next/server";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { db } from "@/lib/db";
import { clientAddress } from "@/web/http/client-address";
import { consumeRateLimits } from "@/lib/rate-limit";
import { lostTicketInput } from "@/lib/reservations/lost-ticket-input";
import { resendLinksForEmail } from "@/lib/reservations/resend-links";
import { formDataArg, parseActionArgs, previousState } from "@/lib/validation/action-args";
import { localizedPath } from "@/lib/i18n/localized-path";
import { getLocale } from "@/web/i18n/locale";
import { tokenSettings } from "@/web/settings";

/**
 * The form's answer when nothing was sent: the refusal and what was typed, so the page
 * (with or without JavaScript) shows the message next to the field and keeps the address.
 */
export type LostTicketState =
  | { status: "idle" }
  | { status: "invalid"; code: "required" | "invalid_email"; email: string }
  | { status: "rate_limited"; email: string };

/**
 * Resends the links of an address's upcoming reservations. The answer is the same
 * whether or not the address booked, and the sending happens after the response so
 * that its duration does not tell either.
 */
export async function requestLostTicket(
  previous: LostTicketState,
  formData: FormData,
): Promise<LostTicketState> {
  const args = parseActionArgs([previousState, formDataArg], [previous, formData]);
  const typed = args?.[1].get("email");
  const email = typeof typed === "string" ? typed.slice(0, 254) : "";
  const parsed = lostTicketInput.safeParse({ email });
  if (!parsed.success) {
    const code = parsed.error.issues[0]?.message === "required" ? "required" : "invalid_email";
    return { status: "invalid", code, email };
  }
  const limit = await consumeRateLimits([
    ["lost_ticket", `email:${parsed.data.email}`],
    ["lost_ticket", `address:${clientAddress(await headers())}`],
  ]);
  if (!limit.ok) return { status: "rate_limited", email };
  const settings = tokenSettings();
  after(() => resendLinksForEmail({ db, email: parsed.data.email, settings }));
  redirect(localizedPath(await getLocale(), "/lost-ticket?sent=1"));
}
