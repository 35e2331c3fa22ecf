import { writeAudit, type Actor } from "@/lib/audit/audit-log";
import type { PrismaClient } from "@/lib/db";
import { lockReservation } from "@/lib/reservations/lock-reservation";
import type { Prisma } from "@/lib/generated/prisma/client";
import { queueEmail } from "@/lib/mail/email-queue";
import { liveConfirmationTokenWhere } from "@/lib/reservations/effective-status";
import { issueToken } from "@/lib/reservations/reservation-tokens";
import type { TokenSettings } from "@/lib/reservations/token-settings";

export type ResendLinkResult =
  | { ok: true; kind: "confirmation" | "ticket" }
  | { ok: false; reason: "not_found" }
  /** A box-office booking without an address (issue 17). */
  | { ok: false; reason: "no_email" }
  | { ok: false; reason: "reservation_closed"; status: string };

/** A ticket that still opens the door: not revoked, its window not closed. */
function liveTicketTokenWhere(now: Date): Prisma.ReservationTokenWhereInput {
  return { purpose: "check_in", revokedAt: null, expiresAt: { gt: now } };
}

/**
 * Sends a reservation's link again with a freshly issued token (raw tokens are never
 * stored, so the old one cannot be re-sent): a pending reservation whose link still
 * works gets a new confirmation link, which replaces the previous one; a confirmed one
 * whose ticket still works gets a new ticket, and earlier tickets stay valid (see
 * reservation-tokens.ts).
 *
 * The new token, the old link's revocation, the email's job and (for an admin) the audit
 * entry commit together; the job runner delivers the email after the response, retrying
 * a failing provider. A confirmation email still queued for the replaced link is not sent
 * (its link no longer works, lib/reservations/reservation-emails.ts).
 */
export async function resendReservationLink({
  db,
  reservationId,
  settings,
  ownerEmail,
  only,
  actor,
  now = new Date(),
}: {
  db: PrismaClient;
  reservationId: number;
  settings: TokenSettings;
  /** For a visitor's request: the reservation's address, so a guessed id alone sends nothing. */
  ownerEmail?: string;
  /**
   * Only this kind of link (the booking page's panel resends the confirmation link it was
   * shown for, never a ticket): a reservation that needs the other kind is `closed` here.
   */
  only?: "confirmation" | "ticket";
  actor?: Actor;
  now?: Date;
}): Promise<ResendLinkResult> {
  return db.$transaction(async (tx) => {
    if (!(await lockReservation(tx, reservationId)))
      return { ok: false, reason: "not_found" } as const;
    const reservation = await tx.reservation.findUniqueOrThrow({
      where: { id: reservationId },
      select: {
        status: true,
        email: true,
        checkIn: { select: { id: true } },
        tokens: {
          where: { OR: [liveConfirmationTokenWhere(now), liveTicketTokenWhere(now)] },
          select: { purpose: true },
        },
      },
    });
    if (
      ownerEmail !== undefined &&
      reservation.email.toLowerCase() !== ownerEmail.trim().toLowerCase()
    )
      return { ok: false, reason: "not_found" } as const;
    if (reservation.email === "") return { ok: false, reason: "no_email" } as const;
    const live = new Set(reservation.tokens.map((token) => token.purpose));
    const kind =
      reservation.status === "pending" && live.has("confirmation")
        ? "confirmation"
        : reservation.status === "confirmed" && !reservation.checkIn && live.has("check_in")
          ? "ticket"
          : null;
    if (!kind || (only !== undefined && kind !== only)) {
      const expired = reservation.status === "pending";
      return {
        ok: false,
        reason: "reservation_closed",
        status: reservation.checkIn ? "checked_in" : expired ? "expired" : reservation.status,
      } as const;
    }

    const purpose = kind === "confirmation" ? "confirmation" : "check_in";
    const token = await issueToken({ db: tx, reservationId, purpose, settings, now });
    if (actor)
      await writeAudit(tx, actor, {
        action: "reservation.resend_email",
        entityType: "reservation",
        entityId: reservationId,
      });
    await queueEmail(tx, { kind, reservation: { id: reservationId }, rawToken: token.rawToken });
    return { ok: true, kind } as const;
  });
}

/**
 * "Lost your ticket?": resends the links of every reservation of `email` that can still
 * be used. Returns how many were resent; callers must not tell the visitor (no
 * enumeration of who booked).
 */
export async function resendLinksForEmail({
  db,
  email,
  settings,
  now = new Date(),
}: {
  db: PrismaClient;
  email: string;
  settings: TokenSettings;
  now?: Date;
}): Promise<number> {
  const candidates = await db.reservation.findMany({
    where: {
      email: { equals: email.trim(), mode: "insensitive" },
      OR: [
        { status: "pending", tokens: { some: liveConfirmationTokenWhere(now) } },
        { status: "confirmed", checkIn: null, tokens: { some: liveTicketTokenWhere(now) } },
      ],
    },
    select: { id: true },
    orderBy: { id: "asc" },
  });
  let resent = 0;
  for (const { id } of candidates) {
    const result = await resendReservationLink({ db, reservationId: id, settings, now });
    if (result.ok) resent += 1;
  }
  return resent;
}
