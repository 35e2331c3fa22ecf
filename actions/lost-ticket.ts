"use server";

import { after } from "next/server";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { db } from "@/lib/db";
import { clientAddress } from "@/web/http/client-address";
import { consumeRateLimits } from "@/lib/rate-limit";
import { lostTicketInput } from "@/lib/reservations/lost-ticket-input";
import { resendLinksForEmail } from "@/lib/reservations/resend-links";
import { formDataArg, parseActionArgs } from "@/lib/validation/action-args";
import { localizedPath } from "@/lib/i18n/localized-path";
import { getLocale } from "@/web/i18n/locale";
import { tokenSettings } from "@/web/settings";

/**
 * Resends the links of an address's upcoming reservations. The answer is the same
 * whether or not the address booked, and the sending happens after the response so
 * that its duration does not tell either.
 */
export async function requestLostTicket(formData: FormData): Promise<void> {
  const args = parseActionArgs([formDataArg], [formData]);
  const parsed = lostTicketInput.safeParse({ email: args?.[0].get("email") ?? "" });
  if (!parsed.success) redirect(localizedPath(await getLocale(), "/lost-ticket?error=invalid"));
  const { email } = parsed.data;
  const limit = await consumeRateLimits([
    ["lost_ticket", `email:${email}`],
    ["lost_ticket", `address:${clientAddress(await headers())}`],
  ]);
  if (!limit.ok) redirect(localizedPath(await getLocale(), "/lost-ticket?error=rate_limited"));
  const settings = tokenSettings();
  after(() => resendLinksForEmail({ db, email, settings }));
  redirect(localizedPath(await getLocale(), "/lost-ticket?sent=1"));
}
