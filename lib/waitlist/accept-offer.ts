import type { PrismaClient } from "@/lib/db";
import { queueEmail } from "@/lib/mail/email-queue";
import { emailHoldsConfirmed, lockPerformanceRow } from "@/lib/reservations/lock-performance";
import { issueToken } from "@/lib/reservations/reservation-tokens";
import type { TokenSettings } from "@/lib/reservations/token-settings";
import { hashToken } from "@/lib/tokens";
import { findWaitlistToken, revokeWaitlistTokens } from "@/lib/waitlist/waitlist-tokens";

export type AcceptOfferResult =
  | { ok: true; reservationId: number; checkInToken: string }
  | {
      ok: false;
      reason:
        | "token_not_found"
        /** The offer ran out (or was passed on) before the visitor took it. */
        | "offer_expired"
        | "entry_ended"
        | "performance_cancelled"
        | "booking_closed";
    }
  | {
      ok: false;
      /** This offer was booked already, or the address holds another confirmed booking. */
      reason: "already_booked";
      /** The latter: the offer still holds its seats, and the visitor may pass them on. */
      offerHeld: boolean;
    };

/**
 * The visitor opens the offer link: the held seats become a confirmed reservation at
 * once (the address was confirmed when joining), with its ticket and ticket email, in
 * one transaction under the performance's lock. The seats were held by the offer, so
 * booking them moves them from held to confirmed and never overbooks. The entry is
 * `booked` and its links stop working. An address holds one confirmed booking per
 * performance, as a visitor's confirmation enforces (`already_booked`): an address that
 * booked meanwhile is refused and nothing changes, so its offer can still be passed on
 * from the leave link or lapse to the next in line.
 */
export async function acceptOffer({
  db,
  token,
  tokenSettings,
  now = new Date(),
}: {
  db: PrismaClient;
  token: string;
  tokenSettings: TokenSettings;
  now?: Date;
}): Promise<AcceptOfferResult> {
  const found = await findWaitlistToken(db, token);
  if (!found || found.purpose !== "offer") return { ok: false, reason: "token_not_found" };
  const performanceId = found.entry.performanceId;
  return db.$transaction(async (tx) => {
    await lockPerformanceRow(tx, performanceId);
    const entry = await tx.waitlistEntry.findUniqueOrThrow({
      where: { id: found.entryId },
      select: {
        id: true,
        status: true,
        name: true,
        email: true,
        partySize: true,
        locale: true,
        offerExpiresAt: true,
        reservationId: true,
        performance: {
          select: {
            startsAt: true,
            cancelledAt: true,
            isBookingEnabled: true,
            show: { select: { isPublished: true } },
          },
        },
      },
    });
    const link = await tx.waitlistToken.findUniqueOrThrow({
      where: { tokenHash: hashToken(token) },
      select: { usedAt: true, revokedAt: true },
    });
    if (entry.status === "booked")
      return { ok: false, reason: "already_booked", offerHeld: false } as const;
    if (entry.performance.cancelledAt)
      return { ok: false, reason: "performance_cancelled" } as const;
    if (
      entry.status !== "offered" ||
      link.usedAt ||
      link.revokedAt ||
      !entry.offerExpiresAt ||
      entry.offerExpiresAt <= now
    )
      return {
        ok: false,
        reason:
          entry.status === "offered" || entry.status === "lapsed" ? "offer_expired" : "entry_ended",
      } as const;
    if (!entry.performance.isBookingEnabled || !entry.performance.show.isPublished)
      return { ok: false, reason: "booking_closed" } as const;
    if (await emailHoldsConfirmed(tx, { performanceId, email: entry.email }))
      return { ok: false, reason: "already_booked", offerHeld: true } as const;

    const reservation = await tx.reservation.create({
      data: {
        performanceId,
        status: "confirmed",
        name: entry.name,
        email: entry.email,
        partySize: entry.partySize,
        locale: entry.locale,
        notes: "",
        confirmedAt: now,
        qrCodeGeneratedAt: now,
        createdAt: now,
      },
      select: { id: true },
    });
    await tx.waitlistEntry.update({
      where: { id: entry.id },
      data: { status: "booked", reservationId: reservation.id, endedAt: now, updatedAt: now },
    });
    await revokeWaitlistTokens(tx, entry.id, now);
    await tx.waitlistToken.update({
      where: { tokenHash: hashToken(token) },
      data: { usedAt: now, revokedAt: null },
    });
    const ticket = await issueToken({
      db: tx,
      reservationId: reservation.id,
      purpose: "check_in",
      settings: tokenSettings,
      now,
    });
    await queueEmail(tx, {
      kind: "ticket",
      reservation: { id: reservation.id },
      rawToken: ticket.rawToken,
    });
    return { ok: true, reservationId: reservation.id, checkInToken: ticket.rawToken } as const;
  });
}
