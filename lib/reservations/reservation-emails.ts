import { config } from "@/lib/config";
import type { Db } from "@/lib/db";
import type { ReservationEmailKind as EmailKind } from "@/lib/mail/email-queue";
import { logMailFailure } from "@/lib/mail/log-mail-failure";
import {
  cancellationMail,
  confirmationMail,
  mailLocale,
  TICKET_QR_CONTENT_ID,
  ticketAttachmentNames,
  ticketMail,
} from "@/lib/reservations/email-templates";
import { configuredTransport, type MailTransport, type OutgoingMail } from "@/lib/mail/transport";
import {
  getReservationDetails,
  getReservationDetailsAndToken,
} from "@/lib/reservations/reservation-details";
import { ticketCalendarFor } from "@/lib/reservations/ticket-calendar";
import { confirmationUrl, ticketQrPng, ticketUrl } from "@/lib/reservations/ticket-qr";
import { hashToken } from "@/lib/tokens";

export type SendResult = { ok: true } | { ok: false };

export type MailContext = {
  appUrl: string;
  timeZone: string;
  /** WAITLIST_OFFER_HOURS, named in the waiting-list emails. */
  offerHours?: number;
};

/** Why an email was not composed: nothing to send any more (not a delivery failure). */
export class NothingToSend extends Error {
  constructor(readonly code: "reservation_gone" | "token_not_live" | "token_missing") {
    super(code);
    this.name = "NothingToSend";
  }
}

function mailContext(): MailContext {
  const { APP_URL, TIME_ZONE, WAITLIST_OFFER_HOURS } = config();
  return { appUrl: APP_URL, timeZone: TIME_ZONE, offerHours: WAITLIST_OFFER_HOURS };
}

/**
 * Composes one reservation email in the visitor's language from the database's current
 * state. A link email whose token was replaced, used or revoked since it was queued is
 * not sent (`NothingToSend`): its link would no longer work, and the newer email is on
 * its way.
 */
export async function composeReservationEmail({
  db,
  kind,
  reservationId,
  rawToken,
  context = mailContext(),
}: {
  db: Db;
  kind: EmailKind;
  reservationId: number;
  rawToken?: string | null;
  context?: MailContext;
}): Promise<OutgoingMail> {
  const found = rawToken
    ? await getReservationDetailsAndToken(db, reservationId, hashToken(rawToken))
    : await getReservationDetails(db, reservationId).then((reservation) =>
        reservation ? { reservation, token: null } : null,
      );
  const reservation = found?.reservation;
  if (!reservation || !reservation.email) throw new NothingToSend("reservation_gone");
  const base = { reservation, timeZone: context.timeZone, appUrl: context.appUrl };
  if (kind === "cancellation")
    return { to: reservation.email, ...cancellationMail(base), attachments: [] };
  // A cancelled party gets the notice and nothing else, whatever its tokens say.
  if (reservation.status === "cancelled") throw new NothingToSend("token_not_live");

  if (!rawToken) throw new NothingToSend("token_missing");
  // Only this reservation's token with that hash counts.
  const token = found.token;
  if (!token) throw new NothingToSend("token_missing");
  if (kind === "confirmation") {
    if (token.usedAt || token.revokedAt) throw new NothingToSend("token_not_live");
    return {
      to: reservation.email,
      ...confirmationMail(
        base,
        confirmationUrl(context.appUrl, rawToken, mailLocale(reservation)),
        token.expiresAt,
      ),
      attachments: [],
    };
  }
  if (token.revokedAt) throw new NothingToSend("token_not_live");
  const names = ticketAttachmentNames(mailLocale(reservation));
  const calendar = ticketCalendarFor(reservation, context.appUrl, mailLocale(reservation));
  const qr = ticketQrPng(rawToken);
  return {
    to: reservation.email,
    ...ticketMail(base, ticketUrl(context.appUrl, rawToken, mailLocale(reservation))),
    attachments: [
      // The QR twice: inline, shown in the message body (cid:), and as a file to keep or print.
      {
        filename: "qr.png",
        contentType: "image/png",
        content: qr,
        contentId: TICKET_QR_CONTENT_ID,
      },
      { filename: names.qr, contentType: "image/png", content: qr },
      {
        filename: names.ics,
        contentType: "text/calendar; charset=utf-8; method=PUBLISH",
        content: Buffer.from(calendar, "utf8"),
      },
    ],
  };
}

/**
 * Composes and delivers at once, outside the queue (tests, previews). Never throws.
 * The application queues every email instead (lib/mail/email-queue.ts).
 */
async function sendNow(
  db: Db,
  kind: EmailKind,
  reservationId: number,
  rawToken: string | undefined,
  transport: MailTransport | undefined,
): Promise<SendResult> {
  try {
    const mail = await composeReservationEmail({ db, kind, reservationId, rawToken });
    await (transport ?? configuredTransport())(mail);
    return { ok: true };
  } catch (error) {
    logMailFailure(kind, reservationId, error);
    return { ok: false };
  }
}

export function sendConfirmationEmail({
  db,
  reservationId,
  confirmationToken,
  transport,
}: {
  db: Db;
  reservationId: number;
  confirmationToken: string;
  transport?: MailTransport;
}): Promise<SendResult> {
  return sendNow(db, "confirmation", reservationId, confirmationToken, transport);
}

export function sendTicketEmail({
  db,
  reservationId,
  checkInToken,
  transport,
}: {
  db: Db;
  reservationId: number;
  checkInToken: string;
  transport?: MailTransport;
}): Promise<SendResult> {
  return sendNow(db, "ticket", reservationId, checkInToken, transport);
}

export function sendCancellationNotice({
  db,
  reservationId,
  transport,
}: {
  db: Db;
  reservationId: number;
  transport?: MailTransport;
}): Promise<SendResult> {
  return sendNow(db, "cancellation", reservationId, undefined, transport);
}
