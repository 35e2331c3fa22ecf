import type { PrismaClient } from "@/lib/db";
import { sendTicketEmail } from "@/lib/mail/reservation-emails";
import type { MailTransport } from "@/lib/mail/transport";
import {
  confirmReservation,
  type ConfirmReservationResult,
} from "@/lib/reservations/confirm-reservation";
import type { TokenSettings } from "@/lib/reservations/token-settings";

export type ConfirmAndSendTicketResult = ConfirmReservationResult extends infer R
  ? R extends { ok: true }
    ? R & { ticketEmailSent: boolean }
    : R
  : never;

/** Confirms with the emailed token, then sends the ticket email (the page shows the ticket either way). */
export async function confirmAndSendTicket({
  db,
  token,
  settings,
  now = new Date(),
  transport,
}: {
  db: PrismaClient;
  token: string;
  settings: TokenSettings;
  now?: Date;
  transport?: MailTransport;
}): Promise<ConfirmAndSendTicketResult> {
  const result = await confirmReservation({
    db,
    token,
    settings,
    now,
  });
  if (!result.ok) return result;
  const sent = await sendTicketEmail({
    db,
    reservationId: result.reservationId,
    checkInToken: result.checkInToken,
    transport,
  });
  return { ...result, ticketEmailSent: sent.ok };
}
