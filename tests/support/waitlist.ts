import { randomBytes } from "node:crypto";
import { db } from "@/lib/db";
import type { OutgoingMail } from "@/lib/mail/transport";
import { confirmWaitlistEntry } from "@/lib/waitlist/confirm-entry";
import { joinWaitlist } from "@/lib/waitlist/join-waitlist";
import type { WaitlistSettings } from "@/lib/waitlist/waitlist-settings";

export const WAITLIST_SETTINGS: WaitlistSettings = { offerHours: 12, optInHours: 24 };

/** An unconfirmed entry and its raw address-confirmation token. */
export async function joinList(performanceId: number, partySize = 2, now = new Date()) {
  const result = await joinWaitlist({
    db,
    performanceId,
    input: {
      name: "Giulia Bianchi",
      email: `giulia+${randomBytes(4).toString("hex")}@example.org`,
      party_size: partySize,
    },
    locale: "it",
    settings: WAITLIST_SETTINGS,
    now,
  });
  if (!result.ok || "repeated" in result) throw new Error(`join failed: ${JSON.stringify(result)}`);
  return result;
}

/** An entry in line (address confirmed). */
export async function joinConfirmed(performanceId: number, partySize = 2, now = new Date()) {
  const joined = await joinList(performanceId, partySize, now);
  const confirmed = await confirmWaitlistEntry({
    db,
    token: joined.optInToken,
    settings: WAITLIST_SETTINGS,
    now,
  });
  if (!confirmed.ok) throw new Error(`confirm failed: ${confirmed.reason}`);
  return { ...joined, confirmed };
}

/** The token of the first link to `path` in an email's text. */
export function linkToken(mail: OutgoingMail, path: string): string {
  const match = new RegExp(`${path}#token=([A-Za-z0-9_-]{43})`).exec(mail.text);
  if (!match) throw new Error(`no ${path} link in "${mail.subject}"`);
  return match[1];
}
