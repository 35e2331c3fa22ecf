import { formatDate, formatDateTime, formatTime } from "@/lib/i18n/format";
import { fill } from "@/lib/i18n/fill";
import { isLocale, type Locale } from "@/lib/i18n/locale";
import { en, it } from "@/lib/i18n/messages/mail";
import { localizedPath } from "@/lib/i18n/localized-path";
import { escapeHtml } from "@/lib/markdown";
import type { ReservationDetails } from "@/lib/reservations/reservation-details";
import { cleanLineText } from "@/lib/validation/text";
import { formatBookingCode } from "@/lib/check-ins/booking-code";

export type RenderedMail = { subject: string; text: string; html: string };

/** Whom an email is about: a reservation, or a waiting-list entry (no booking code yet). */
export type MailParty = Pick<
  ReservationDetails,
  "name" | "locale" | "partySize" | "performance"
> & {
  bookingCode?: string;
};

export type MailLayoutContext = { reservation: MailParty; timeZone: string; appUrl: string };
type Context = MailLayoutContext;

export function mailLocale(reservation: Pick<ReservationDetails, "locale">): Locale {
  return isLocale(reservation.locale) ? reservation.locale : "it";
}

function messages(locale: Locale) {
  return locale === "en" ? en : it;
}

export function seatsLabel(count: number, locale: Locale): string {
  const seats = messages(locale).seats;
  return count === 1 ? seats.one : fill(seats.other, { count });
}

/** The content id of the ticket email's inline QR image (its HTML shows `cid:` this). */
export const TICKET_QR_CONTENT_ID = "ticket-qr@azionelab";

function detailRows(
  { reservation, timeZone }: Context,
  locale: Locale,
  withHolder: boolean,
): [string, string][] {
  const m = messages(locale).details;
  const { performance } = reservation;
  const when = `${formatDate(performance.startsAt, locale, timeZone)}, ${formatTime(performance.startsAt, locale, timeZone)}`;
  return [
    // The ticket says whose it is (issue 15); the name as inert text, like the greeting.
    ...(withHolder ? [[m.holder, unlinkable(reservation.name)] as [string, string]] : []),
    [m.show, performance.show.title],
    [m.when, when],
    [m.where, `${performance.venue.name}, ${performance.venue.address}, ${performance.venue.city}`],
    [m.party, seatsLabel(reservation.partySize, locale)],
    // The short code staff type at the door when the QR will not scan (issue 16).
    ...(reservation.bookingCode
      ? [[m.code, formatBookingCode(reservation.bookingCode)] as [string, string]]
      : []),
  ];
}

/**
 * Visitor text as inert words: one line, no control characters, and a zero-width space
 * after every `.`, `:` and `@`, so that no mail client turns `evil.example` or
 * `https://…` typed as a name into a link the theatre appears to send.
 */
export function unlinkable(visitorText: string): string {
  return cleanLineText(visitorText).replace(/[.:@]/g, "$&\u200B");
}

export type Block =
  | { kind: "p"; text: string }
  | { kind: "details"; withHolder?: boolean }
  | { kind: "button"; label: string; href: string }
  /** The QR image inline (HTML only; the same PNG is attached for the plain-text part). */
  | { kind: "qr"; alt: string };

/** One layout for all three emails: the same blocks become the plain-text and the HTML part. */
export function compose(context: Context, subject: string, blocks: Block[]): RenderedMail {
  const locale = mailLocale(context.reservation);
  const m = messages(locale);
  const greeting = fill(m.greeting, { name: unlinkable(context.reservation.name) });
  const rowsOf = (block: { withHolder?: boolean }) =>
    detailRows(context, locale, block.withHolder ?? false);

  const text = [
    greeting,
    ...blocks.flatMap((block) => {
      if (block.kind === "p") return [block.text];
      if (block.kind === "qr") return [];
      if (block.kind === "details")
        return [
          rowsOf(block)
            .map(([label, value]) => `${label}: ${value}`)
            .join("\n"),
        ];
      return [`${block.label}:\n${block.href}`];
    }),
    m.signature,
  ].join("\n\n");

  const htmlBlocks = blocks.map((block) => {
    if (block.kind === "p") return `<p style="margin:0 0 16px">${escapeHtml(block.text)}</p>`;
    if (block.kind === "qr")
      return `<p style="margin:0 0 16px;text-align:center"><img src="cid:${TICKET_QR_CONTENT_ID}" width="240" height="240" alt="${escapeHtml(block.alt)}" style="display:inline-block;width:240px;max-width:100%;height:auto;border:1px solid #d9cfc1;background:#ffffff"></p>`;
    if (block.kind === "details") {
      const rows = rowsOf(block);
      const cells = rows
        .map(
          ([label, value]) =>
            `<tr><th scope="row" style="text-align:left;padding:4px 12px 4px 0;color:#57534e;font-weight:normal">${escapeHtml(label)}</th><td style="padding:4px 0">${escapeHtml(value)}</td></tr>`,
        )
        .join("");
      return `<table role="presentation" style="border-collapse:collapse;margin:0 0 16px">${cells}</table>`;
    }
    return `<p style="margin:0 0 16px"><a href="${escapeHtml(block.href)}" style="display:inline-block;background:#8b1e2d;color:#ffffff;padding:12px 20px;border-radius:6px;text-decoration:none;font-weight:600">${escapeHtml(block.label)}</a></p><p style="margin:0 0 16px;font-size:13px;color:#57534e;word-break:break-all">${escapeHtml(block.href)}</p>`;
  });
  const html = `<!doctype html><html lang="${locale}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(subject)}</title></head><body style="margin:0;background:#faf7f2;font-family:Arial,Helvetica,sans-serif;color:#1c1917;line-height:1.5"><div style="max-width:560px;margin:0 auto;padding:24px"><p style="font-family:Georgia,serif;font-size:22px;font-weight:bold;color:#8b1e2d;margin:0 0 24px">AzioneLab</p><p style="margin:0 0 16px">${escapeHtml(greeting)}</p>${htmlBlocks.join("")}<p style="margin:24px 0 0;white-space:pre-line">${escapeHtml(m.signature)}</p></div></body></html>`;

  return { subject, text, html };
}

export function confirmationMail(
  context: Context,
  confirmUrl: string,
  expiresAt: Date,
): RenderedMail {
  const locale = mailLocale(context.reservation);
  const m = messages(locale).confirmation;
  return compose(context, fill(m.subject, { show: context.reservation.performance.show.title }), [
    { kind: "p", text: m.intro },
    { kind: "details" },
    { kind: "button", label: m.action, href: confirmUrl },
    {
      kind: "p",
      text: fill(m.expires, { expiresAt: formatDateTime(expiresAt, locale, context.timeZone) }),
    },
    { kind: "p", text: m.ignore },
  ]);
}

export function ticketMail(context: Context, ticketPageUrl: string): RenderedMail {
  const m = messages(mailLocale(context.reservation)).ticket;
  return compose(context, fill(m.subject, { show: context.reservation.performance.show.title }), [
    { kind: "p", text: m.intro },
    { kind: "details", withHolder: true },
    { kind: "qr", alt: m.qrAlt },
    { kind: "button", label: m.action, href: ticketPageUrl },
    { kind: "p", text: m.attachments },
    { kind: "p", text: m.cancel },
  ]);
}

export function cancellationMail(context: Context): RenderedMail {
  const locale = mailLocale(context.reservation);
  const m = messages(locale).cancellation;
  const showPath = localizedPath(locale, `/shows/${context.reservation.performance.show.slug}`);
  const showUrl = `${context.appUrl}${showPath}`;
  return compose(context, fill(m.subject, { show: context.reservation.performance.show.title }), [
    { kind: "p", text: m.intro },
    { kind: "details" },
    { kind: "button", label: m.again, href: showUrl },
  ]);
}

export function ticketAttachmentNames(locale: Locale) {
  const m = messages(locale).ticket;
  return { qr: m.qrFilename, ics: m.icsFilename };
}
