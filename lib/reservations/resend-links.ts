import { config } from "@/lib/config";
import type { Db } from "@/lib/db";
import { sendConfirmationEmail, sendTicketEmail } from "@/lib/mail/reservation-emails";
import type { MailTransport } from "@/lib/mail/transport";
import {
  checkInExpiry,
  issueCheckInToken,
  issueConfirmationToken,
} from "@/lib/reservations/reservation-tokens";

export type ResendLinkResult =
  | { ok: true; kind: "confirmation" | "ticket"; sent: boolean }
  | { ok: false; reason: "not_found" }
  | { ok: false; reason: "reservation_closed"; status: string };

/**
 * Sends a reservation's link again with a freshly issued token (raw tokens are never
 * stored, so the old one cannot be re-sent): a pending reservation gets a new
 * confirmation link, which revokes the previous one; a confirmed one gets a new ticket,
 * and earlier tickets stay valid (see reservation-tokens.ts). `sent: false` means the
 * token was issued but the email failed: asking again is safe.
 */
export async function resendReservationLink({
  db,
  reservationId,
  now = new Date(),
  transport,
}: {
  db: Db;
  reservationId: number;
  now?: Date;
  transport?: MailTransport;
}): Promise<ResendLinkResult> {
  const reservation = await db.reservation.findUnique({
    where: { id: reservationId },
    select: {
      status: true,
      checkIn: { select: { id: true } },
      performance: { select: { startsAt: true } },
    },
  });
  if (!reservation) return { ok: false, reason: "not_found" };
  const { CONFIRMATION_TTL_HOURS, CHECKIN_WINDOW_HOURS } = config();
  const startsAt = reservation.performance.startsAt;

  // A confirmation link after curtain time could never be used; nor a ticket after the door closed.
  if (reservation.status === "pending" && startsAt > now) {
    const token = await issueConfirmationToken({
      db,
      reservationId,
      performanceStartsAt: startsAt,
      now,
      confirmationTtlHours: CONFIRMATION_TTL_HOURS,
    });
    const sent = await sendConfirmationEmail({
      db,
      reservationId,
      confirmationToken: token.rawToken,
      transport,
    });
    return { ok: true, kind: "confirmation", sent: sent.ok };
  }
  if (
    reservation.status === "confirmed" &&
    !reservation.checkIn &&
    checkInExpiry(startsAt, CHECKIN_WINDOW_HOURS) > now
  ) {
    const token = await issueCheckInToken({
      db,
      reservationId,
      performanceStartsAt: startsAt,
      now,
      checkInWindowHours: CHECKIN_WINDOW_HOURS,
    });
    const sent = await sendTicketEmail({
      db,
      reservationId,
      checkInToken: token.rawToken,
      transport,
    });
    return { ok: true, kind: "ticket", sent: sent.ok };
  }
  return {
    ok: false,
    reason: "reservation_closed",
    status: reservation.checkIn ? "checked_in" : reservation.status,
  };
}

/**
 * "Lost your ticket?": resends the links of every reservation of `email` that can still
 * be used. Returns how many were resent; callers must not tell the visitor (no
 * enumeration of who booked).
 */
export async function resendLinksForEmail({
  db,
  email,
  now = new Date(),
  transport,
}: {
  db: Db;
  email: string;
  now?: Date;
  transport?: MailTransport;
}): Promise<number> {
  const { CHECKIN_WINDOW_HOURS } = config();
  const candidates = await db.reservation.findMany({
    where: {
      email: { equals: email.trim(), mode: "insensitive" },
      status: { in: ["pending", "confirmed"] },
      // Widest window first (tickets work until the door closes); resendReservationLink decides per status.
      performance: { startsAt: { gt: new Date(now.getTime() - CHECKIN_WINDOW_HOURS * 3_600_000) } },
    },
    select: { id: true },
    orderBy: { id: "asc" },
  });
  let resent = 0;
  for (const { id } of candidates) {
    const result = await resendReservationLink({ db, reservationId: id, now, transport });
    if (result.ok) resent += 1;
  }
  return resent;
}
