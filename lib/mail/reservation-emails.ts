import { config } from "@/lib/config";
import type { Db } from "@/lib/db";
import { logMailFailure } from "@/lib/mail/log-mail-failure";
import {
  cancellationMail,
  confirmationMail,
  mailLocale,
  ticketAttachmentNames,
  ticketMail,
  type RenderedMail,
} from "@/lib/mail/templates";
import { configuredTransport, type MailAttachment, type MailTransport } from "@/lib/mail/transport";
import {
  getReservationDetails,
  type ReservationDetails,
} from "@/lib/reservations/reservation-details";
import { ticketCalendarFor } from "@/lib/reservations/ticket-calendar";
import { confirmationUrl, ticketQrPng, ticketUrl } from "@/lib/reservations/ticket-qr";
import { hashToken } from "@/lib/tokens";

export type SendResult = { ok: true } | { ok: false };

type Compose = (context: {
  reservation: ReservationDetails;
  timeZone: string;
  appUrl: string;
}) => Promise<{ mail: RenderedMail; attachments: MailAttachment[] }>;

/**
 * Loads the reservation, composes in the visitor's language and delivers. Never throws:
 * the caller's state change already happened, and the visitor can ask for a resend.
 */
async function send(
  db: Db,
  kind: string,
  reservationId: number,
  transport: MailTransport | undefined,
  compose: Compose,
): Promise<SendResult> {
  try {
    const reservation = await getReservationDetails(db, reservationId);
    if (!reservation) throw new Error("reservation not found");
    const { APP_URL, TIME_ZONE } = config();
    const { mail, attachments } = await compose({
      reservation,
      timeZone: TIME_ZONE,
      appUrl: APP_URL,
    });
    await (transport ?? configuredTransport())({ to: reservation.email, ...mail, attachments });
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
  return send(db, "confirmation", reservationId, transport, async (context) => {
    const token = await db.reservationToken.findUnique({
      where: { tokenHash: hashToken(confirmationToken) },
      select: { expiresAt: true },
    });
    if (!token) throw new Error("confirmation token not found");
    return {
      mail: confirmationMail(
        context,
        confirmationUrl(context.appUrl, confirmationToken),
        token.expiresAt,
      ),
      attachments: [],
    };
  });
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
  return send(db, "ticket", reservationId, transport, async (context) => {
    const { reservation, appUrl } = context;
    const names = ticketAttachmentNames(mailLocale(reservation));
    const calendar = ticketCalendarFor(reservation, appUrl);
    return {
      mail: ticketMail(context, ticketUrl(appUrl, checkInToken)),
      attachments: [
        { filename: names.qr, contentType: "image/png", content: ticketQrPng(checkInToken) },
        {
          filename: names.ics,
          contentType: "text/calendar; charset=utf-8; method=PUBLISH",
          content: Buffer.from(calendar, "utf8"),
        },
      ],
    };
  });
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
  return send(db, "cancellation", reservationId, transport, async (context) => ({
    mail: cancellationMail(context),
    attachments: [],
  }));
}
