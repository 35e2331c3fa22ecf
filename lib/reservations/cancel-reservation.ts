import { writeAudit, type Actor } from "@/lib/audit/audit-log";
import type { PrismaClient } from "@/lib/db";
import {
  lockReservationAndPerformanceRow,
  retryWhenMoved,
} from "@/lib/reservations/lock-performance";
import { queueEmail } from "@/lib/mail/email-queue";
import { hashToken } from "@/lib/tokens";
import { offerFreeSeats } from "@/lib/waitlist/offer-seats";
import { DEFAULT_WAITLIST_SETTINGS, type WaitlistSettings } from "@/lib/waitlist/waitlist-settings";

export type CancelReservationResult =
  | { ok: true; reservationId: number; performanceId: number }
  | { ok: false; reason: "not_found" }
  | {
      ok: false;
      reason:
        "already_cancelled" | "already_checked_in" | "not_cancellable" | "performance_started";
      reservationId: number;
    };

/**
 * Cancels a pending or confirmed reservation: frees its seats and revokes every token
 * (the QR stops working). A party that already came in cannot be cancelled.
 * `refuseAfterStart` is for visitors; admins may cancel at any time, and their
 * cancellation (`actor`) is audited in the same transaction. The cancellation notice
 * is queued in the same transaction too.
 *
 * Freed seats of a confirmed reservation go to the waiting list in the same transaction
 * (lib/waitlist/offer-seats.ts), under the performance's lock, taken before the
 * reservation's as a confirmation takes them (`FOR UPDATE OF p, r`).
 */
export async function cancelReservation({
  db,
  reservationId,
  refuseAfterStart = false,
  actor,
  now = new Date(),
  waitlist = DEFAULT_WAITLIST_SETTINGS,
  lock = true,
}: {
  db: PrismaClient;
  reservationId: number;
  refuseAfterStart?: boolean;
  actor?: Actor;
  now?: Date;
  waitlist?: WaitlistSettings;
  /** false only in the control runs of lib/waitlist/waitlist-concurrency.test.ts. */
  lock?: boolean;
}): Promise<CancelReservationResult> {
  return retryWhenMoved(() =>
    db.$transaction(async (tx) => {
      const performanceId = await lockReservationAndPerformanceRow(tx, reservationId, { lock });
      if (performanceId === null) return { ok: false, reason: "not_found" } as const;

      const reservation = await tx.reservation.findUniqueOrThrow({
        where: { id: reservationId },
        select: {
          status: true,
          email: true,
          performance: { select: { startsAt: true } },
          checkIn: { select: { id: true } },
        },
      });
      if (reservation.checkIn)
        return { ok: false, reason: "already_checked_in", reservationId } as const;
      if (reservation.status === "cancelled")
        return { ok: false, reason: "already_cancelled", reservationId } as const;
      if (reservation.status === "expired")
        return { ok: false, reason: "not_cancellable", reservationId } as const;
      if (refuseAfterStart && reservation.performance.startsAt <= now)
        return { ok: false, reason: "performance_started", reservationId } as const;

      await tx.reservation.update({
        where: { id: reservationId },
        data: { status: "cancelled", cancelledAt: now },
      });
      // The live links, and the ticket even when the door marked it used (an admission
      // since undone): a ticket email still waiting must not go out after this.
      await tx.reservationToken.updateMany({
        where: { reservationId, revokedAt: null, OR: [{ usedAt: null }, { purpose: "check_in" }] },
        data: { revokedAt: now },
      });
      if (actor)
        await writeAudit(tx, actor, {
          action: "reservation.cancel",
          entityType: "reservation",
          entityId: reservationId,
        });
      // A walk-in booked at the desk may have left no address: there is no one to tell.
      if (reservation.email !== "")
        await queueEmail(tx, { kind: "cancellation", reservation: { id: reservationId } });
      if (reservation.status === "confirmed")
        await offerFreeSeats(tx, {
          performanceId,
          settings: waitlist,
          now,
        });
      return { ok: true, reservationId, performanceId } as const;
    }),
  );
}

/** The visitor's cancellation from the ticket page, authorised by the ticket's check-in token. */
export async function cancelReservationWithTicket({
  db,
  token,
  now = new Date(),
  waitlist,
}: {
  db: PrismaClient;
  token: string;
  now?: Date;
  waitlist?: WaitlistSettings;
}): Promise<CancelReservationResult> {
  const ticket = await db.reservationToken.findUnique({
    where: { tokenHash: hashToken(token) },
    select: { purpose: true, reservationId: true, revokedAt: true },
  });
  if (!ticket || ticket.purpose !== "check_in") return { ok: false, reason: "not_found" };
  if (ticket.revokedAt)
    return { ok: false, reason: "already_cancelled", reservationId: ticket.reservationId };
  return cancelReservation({
    db,
    reservationId: ticket.reservationId,
    refuseAfterStart: true,
    now,
    waitlist,
  });
}
