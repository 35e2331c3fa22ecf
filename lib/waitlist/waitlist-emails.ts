import type { Db } from "@/lib/db";
import { fill } from "@/lib/i18n/fill";
import { formatDateTime } from "@/lib/i18n/format";
import { localizedPath } from "@/lib/i18n/localized-path";
import { en, it } from "@/lib/i18n/messages/audience";
import type { WaitlistEmailKind } from "@/lib/mail/email-queue";
import type { OutgoingMail } from "@/lib/mail/transport";
import { compose, mailLocale, type Block } from "@/lib/reservations/email-templates";
import { NothingToSend, type MailContext } from "@/lib/reservations/reservation-emails";
import { hashToken } from "@/lib/tokens";

/** The pages the links of waiting-list emails open; the token travels in the fragment. */
export const WAITLIST_PATHS = {
  confirm: "/waitlist/confirm",
  offer: "/waitlist/offer",
  leave: "/waitlist/leave",
} as const;

function entryDetails(db: Db, entryId: number) {
  return db.waitlistEntry.findUnique({
    where: { id: entryId },
    select: {
      id: true,
      status: true,
      name: true,
      email: true,
      partySize: true,
      locale: true,
      offerExpiresAt: true,
      performance: {
        select: {
          id: true,
          startsAt: true,
          show: { select: { title: true, slug: true, durationMinutes: true } },
          venue: { select: { name: true, address: true, city: true } },
        },
      },
    },
  });
}

/**
 * Composes one waiting-list email in the visitor's language from the entry's current
 * state. Every email to an entry still on the list carries a link to leave it (the
 * email's own token). An offer whose entry is no longer `offered`, or a link that was
 * revoked before the job ran, is not sent (`NothingToSend`).
 */
export async function composeWaitlistEmail({
  db,
  kind,
  entryId,
  rawToken,
  context,
}: {
  db: Db;
  kind: WaitlistEmailKind;
  entryId: number;
  rawToken: string | null;
  context: MailContext;
}): Promise<OutgoingMail> {
  const entry = await entryDetails(db, entryId);
  if (!entry || !entry.email) throw new NothingToSend("reservation_gone");
  const locale = mailLocale(entry);
  const m = (locale === "en" ? en : it).mail;
  const layout = { reservation: entry, timeZone: context.timeZone, appUrl: context.appUrl };
  const subject = (template: string) => fill(template, { show: entry.performance.show.title });
  const link = (path: string) =>
    `${context.appUrl}${localizedPath(locale, path)}#token=${rawToken}`;
  const showUrl = `${context.appUrl}${localizedPath(locale, `/shows/${entry.performance.show.slug}`)}`;
  const mail = (title: string, blocks: Block[]): OutgoingMail => ({
    to: entry.email,
    ...compose(layout, subject(title), blocks),
    attachments: [],
  });

  if (kind === "waitlist_lapsed")
    return mail(m.lapsed.subject, [
      { kind: "p", text: m.lapsed.intro },
      { kind: "details" },
      { kind: "button", label: m.lapsed.action, href: showUrl },
    ]);
  if (kind === "waitlist_closed")
    return mail(m.closed.subject, [
      { kind: "p", text: m.closed.intro },
      { kind: "details" },
      { kind: "button", label: m.closed.action, href: showUrl },
    ]);

  if (!rawToken) throw new NothingToSend("token_missing");
  const token = await db.waitlistToken.findUnique({
    where: { tokenHash: hashToken(rawToken) },
    select: { entryId: true, usedAt: true, revokedAt: true },
  });
  if (!token || token.entryId !== entryId) throw new NothingToSend("token_missing");
  if (token.usedAt || token.revokedAt) throw new NothingToSend("token_not_live");
  const leave: Block = { kind: "button", label: m.leaveAction, href: link(WAITLIST_PATHS.leave) };
  const leaveIntro: Block = { kind: "p", text: m.leave };

  if (kind === "waitlist_opt_in")
    return mail(m.optIn.subject, [
      { kind: "p", text: m.optIn.intro },
      { kind: "details" },
      { kind: "button", label: m.optIn.action, href: link(WAITLIST_PATHS.confirm) },
      { kind: "p", text: m.optIn.ignore },
      leaveIntro,
      leave,
    ]);
  if (kind === "waitlist_joined")
    return mail(m.joined.subject, [
      { kind: "p", text: fill(m.joined.intro, { hours: context.offerHours ?? 12 }) },
      { kind: "details" },
      leaveIntro,
      leave,
    ]);
  // waitlist_offer
  if (entry.status !== "offered" || !entry.offerExpiresAt)
    throw new NothingToSend("token_not_live");
  return mail(m.offer.subject, [
    {
      kind: "p",
      text: fill(m.offer.intro, {
        expiresAt: formatDateTime(entry.offerExpiresAt, locale, context.timeZone),
      }),
    },
    { kind: "details" },
    { kind: "button", label: m.offer.action, href: link(WAITLIST_PATHS.offer) },
    { kind: "p", text: m.offer.after },
    leaveIntro,
    leave,
  ]);
}
