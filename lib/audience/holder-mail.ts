import type { HolderEmailKind } from "@/lib/audience/holder-emails";
import type { Db } from "@/lib/db";
import { fill } from "@/lib/i18n/fill";
import { localizedPath } from "@/lib/i18n/localized-path";
import { en, it } from "@/lib/i18n/messages/audience";
import type { OutgoingMail } from "@/lib/mail/transport";
import { compose, mailLocale, type Block } from "@/lib/reservations/email-templates";
import { getReservationDetails } from "@/lib/reservations/reservation-details";
import { NothingToSend, type MailContext } from "@/lib/reservations/reservation-emails";
import { ticketUrl } from "@/lib/reservations/ticket-qr";
import { formatDate } from "@/lib/i18n/format";

/** The unsubscribe page; the token travels in the fragment. */
export const UNSUBSCRIBE_PATH = "/unsubscribe";

/** Paragraphs of an admin's text: blank lines separate them. */
function paragraphs(text: string): Block[] {
  return text
    .split(/\n\s*\n/)
    .map((part) => part.trim())
    .filter(Boolean)
    .map((part) => ({ kind: "p", text: part }) as const);
}

/**
 * Composes an email to the holder of a reservation about its performance: the reminder
 * (with a fresh ticket link and the venue's notes), a change of time or venue, an
 * admin's message, or the cancellation of the performance. Each one in the visitor's
 * language. Reminders, changes and messages carry a "no more of these" link and are not
 * sent to a visitor who used it since (a cancellation notice always goes out).
 */
export async function composeHolderEmail({
  db,
  kind,
  reservationId,
  sealedContent,
  messageId,
  context,
}: {
  db: Db;
  kind: HolderEmailKind;
  reservationId: number;
  /** What the job's payload opened to: "<unsubscribe token>" or "<unsubscribe>.<ticket>". */
  sealedContent: string | null;
  messageId: number | null;
  context: MailContext;
}): Promise<OutgoingMail> {
  const reservation = await getReservationDetails(db, reservationId);
  if (!reservation || !reservation.email) throw new NothingToSend("reservation_gone");
  const extra = await db.reservation.findUniqueOrThrow({
    where: { id: reservationId },
    select: {
      messagesOptOutAt: true,
      performance: { select: { venue: { select: { notes: true } } } },
    },
  });
  if (kind !== "performance_cancelled" && extra.messagesOptOutAt)
    throw new NothingToSend("token_not_live");
  // A party that cancelled (or whose booking lapsed) after the email was queued hears
  // nothing more but its cancellation notice: a change notice, a message or a reminder
  // goes to a reservation still held (a change notice to a pending one too).
  const held =
    reservation.status === "confirmed" ||
    (kind === "performance_changed" && reservation.status === "pending");
  if (kind !== "performance_cancelled" && !held) throw new NothingToSend("reservation_gone");
  const locale = mailLocale(reservation);
  const m = (locale === "en" ? en : it).mail.holders;
  const layout = { reservation, timeZone: context.timeZone, appUrl: context.appUrl };
  const show = reservation.performance.show;
  const [unsubscribeToken, ticketToken] = (sealedContent ?? "").split(".");
  const unsubscribe: Block[] = unsubscribeToken
    ? [
        { kind: "p", text: m.unsubscribe },
        {
          kind: "button",
          label: m.unsubscribeAction,
          href: `${context.appUrl}${localizedPath(locale, UNSUBSCRIBE_PATH)}#token=${unsubscribeToken}`,
        },
      ]
    : [];
  const mail = (subject: string, blocks: Block[]): OutgoingMail => ({
    to: reservation.email,
    ...compose(layout, subject, blocks),
    attachments: [],
  });
  const showUrl = `${context.appUrl}${localizedPath(locale, `/shows/${show.slug}`)}`;

  if (kind === "performance_cancelled") {
    const note = messageId
      ? ((await db.performanceMessage.findUnique({ where: { id: messageId } }))?.body ?? "")
      : "";
    return mail(fill(m.cancelled.subject, { show: show.title }), [
      { kind: "p", text: m.cancelled.intro },
      ...paragraphs(note),
      { kind: "details" },
      { kind: "button", label: m.cancelled.again, href: showUrl },
    ]);
  }
  if (kind === "reminder") {
    if (!ticketToken) throw new NothingToSend("token_missing");
    const date = formatDate(reservation.performance.startsAt, locale, context.timeZone);
    const notes = extra.performance.venue.notes.trim();
    return mail(fill(m.reminder.subject, { show: show.title, date }), [
      { kind: "p", text: m.reminder.intro },
      { kind: "details" },
      ...(notes ? [{ kind: "p", text: fill(m.reminder.notes, { notes }) } as const] : []),
      {
        kind: "button",
        label: m.reminder.action,
        href: ticketUrl(context.appUrl, ticketToken, locale),
      },
      { kind: "p", text: m.reminder.cancel },
      ...unsubscribe,
    ]);
  }
  if (kind === "performance_changed")
    return mail(fill(m.changed.subject, { show: show.title }), [
      { kind: "p", text: m.changed.intro },
      { kind: "details" },
      { kind: "p", text: m.changed.cancel },
      ...unsubscribe,
    ]);
  // An admin's message, in the visitor's language when one was written.
  const message = messageId
    ? await db.performanceMessage.findUnique({ where: { id: messageId } })
    : null;
  if (!message) throw new NothingToSend("reservation_gone");
  const english = locale === "en" && message.subjectEn !== "";
  return mail(english ? message.subjectEn : message.subject, [
    { kind: "p", text: m.message.intro },
    ...paragraphs(english ? message.bodyEn : message.body),
    { kind: "details" },
    ...unsubscribe,
  ]);
}

/**
 * What a holder who booked in `locale` would read (subject and plain text) of an admin's
 * message, before it is sent: the same layout as the email, with a sample name.
 */
export async function previewHolderMessage({
  db,
  performanceId,
  message,
  locale,
  sampleName,
  context,
}: {
  db: Db;
  performanceId: number;
  message: { subject: string; body: string; subjectEn: string; bodyEn: string };
  locale: "it" | "en";
  sampleName: string;
  context: MailContext;
}): Promise<{ subject: string; text: string } | null> {
  const performance = await db.performance.findUnique({
    where: { id: performanceId },
    select: {
      id: true,
      startsAt: true,
      show: { select: { title: true, slug: true, durationMinutes: true } },
      venue: { select: { name: true, address: true, city: true } },
    },
  });
  if (!performance) return null;
  const m = (locale === "en" ? en : it).mail.holders;
  const english = locale === "en" && message.subjectEn !== "";
  const rendered = compose(
    {
      reservation: { name: sampleName, locale, partySize: 2, performance },
      timeZone: context.timeZone,
      appUrl: context.appUrl,
    },
    english ? message.subjectEn : message.subject,
    [
      { kind: "p", text: m.message.intro },
      ...paragraphs(english ? message.bodyEn : message.body),
      { kind: "details" },
      { kind: "p", text: m.unsubscribe },
    ],
  );
  return { subject: rendered.subject, text: rendered.text };
}
