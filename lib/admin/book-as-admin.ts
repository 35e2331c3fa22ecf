import type { PrismaClient } from "@/lib/db";
import { writeAudit, type Actor } from "@/lib/audit/audit-log";
import { adminBookingInput } from "@/lib/admin/box-office-input";
import { fieldErrorsOf, type FieldErrors } from "@/lib/admin/form-fields";
import { invalid } from "@/lib/admin/results";
import { queueEmail } from "@/lib/mail/email-queue";
import {
  emailHoldsConfirmed,
  lockPerformance,
  performanceIsOver,
} from "@/lib/reservations/lock-performance";
import { issueToken } from "@/lib/reservations/reservation-tokens";
import type { TokenSettings } from "@/lib/reservations/token-settings";

export type BookAsAdminResult =
  | {
      ok: true;
      reservationId: number;
      bookingCode: string;
      emailed: boolean;
      /** Seats confirmed beyond what was available (a guest's audited override); 0 otherwise. */
      overCapacityBy: number;
    }
  | { ok: false; reason: "invalid"; fieldErrors: FieldErrors }
  | {
      ok: false;
      reason:
        "performance_not_found" | "performance_over" | "performance_cancelled" | "already_booked";
    }
  | { ok: false; reason: "insufficient_seats"; availableSeats: number };

/**
 * An admin's booking (phone, walk-in, guest): a reservation confirmed at once, under the
 * same performance lock and seat count as a visitor's confirmation
 * (lib/reservations/lock-performance.ts), with its ticket token; the ticket email is
 * queued in the same transaction when asked for. A guest may be seated beyond the
 * available seats only with an explicit override, audited as such. Online booking
 * being closed or the show unpublished does not stop the box office; a performance
 * whose check-in window has closed does. One transaction: the reservation, its
 * ticket, its email job and its audit entries commit together or not at all.
 */
export async function bookAsAdmin({
  db,
  actor,
  input,
  settings,
  now = new Date(),
  lock = true,
}: {
  db: PrismaClient;
  actor: Actor;
  input: unknown;
  settings: TokenSettings;
  now?: Date;
  /** False only in the concurrency test's control run. */
  lock?: boolean;
}): Promise<BookAsAdminResult> {
  const parsed = adminBookingInput.safeParse(input);
  if (!parsed.success) return invalid(fieldErrorsOf(parsed.error));
  const booking = parsed.data;

  return db.$transaction(async (tx) => {
    const performance = await lockPerformance(tx, booking.performanceId, { lock });
    if (!performance) return { ok: false, reason: "performance_not_found" } as const;
    if (performance.cancelled) return { ok: false, reason: "performance_cancelled" } as const;
    if (performanceIsOver(performance, settings.checkInWindowHours, now))
      return { ok: false, reason: "performance_over" } as const;
    if (
      await emailHoldsConfirmed(tx, {
        performanceId: performance.performanceId,
        email: booking.email,
      })
    )
      return { ok: false, reason: "already_booked" } as const;
    const overCapacityBy = Math.max(0, booking.party_size - performance.availableSeats);
    if (overCapacityBy > 0 && !booking.overrideCapacity)
      return {
        ok: false,
        reason: "insufficient_seats",
        availableSeats: performance.availableSeats,
      } as const;

    const reservation = await tx.reservation.create({
      data: {
        performanceId: performance.performanceId,
        status: "confirmed",
        channel: booking.channel,
        name: booking.name,
        email: booking.email,
        phone: booking.phone,
        partySize: booking.party_size,
        notes: booking.notes,
        locale: booking.locale,
        confirmedAt: now,
        qrCodeGeneratedAt: now,
        createdAt: now,
      },
      select: { id: true, bookingCode: true },
    });
    // The door needs a live ticket token even when nobody is emailed (code, name, QR resent later).
    const ticket = await issueToken({
      db: tx,
      reservationId: reservation.id,
      purpose: "check_in",
      settings,
      now,
    });
    if (booking.sendEmail)
      await queueEmail(tx, {
        kind: "ticket",
        reservation: { id: reservation.id },
        rawToken: ticket.rawToken,
      });
    await writeAudit(tx, actor, {
      action: "reservation.book",
      entityType: "reservation",
      entityId: reservation.id,
      summary: `${booking.channel}, ${booking.party_size} seats, code ${reservation.bookingCode}, ticket email ${booking.sendEmail ? "queued" : "not sent"}`,
    });
    if (overCapacityBy > 0)
      await writeAudit(tx, actor, {
        action: "reservation.capacity_override",
        entityType: "reservation",
        entityId: reservation.id,
        summary: `guest seated ${overCapacityBy} over capacity (${performance.availableSeats} available, party ${booking.party_size})`,
      });
    return {
      ok: true,
      reservationId: reservation.id,
      bookingCode: reservation.bookingCode,
      emailed: booking.sendEmail,
      overCapacityBy,
    } as const;
  });
}
