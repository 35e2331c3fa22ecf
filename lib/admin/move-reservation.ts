import type { PrismaClient } from "@/lib/db";
import { writeAudit, type Actor } from "@/lib/audit/audit-log";
import { reservationMoveInput } from "@/lib/admin/box-office-input";
import { fieldErrorsOf, type FieldErrors } from "@/lib/admin/form-fields";
import { invalid } from "@/lib/admin/results";
import { queueEmail } from "@/lib/mail/email-queue";
import {
  emailHoldsConfirmed,
  lockPerformance,
  performanceIsOver,
  type LockedPerformance,
} from "@/lib/reservations/lock-performance";
import { followReservationPerformance, issueToken } from "@/lib/reservations/reservation-tokens";
import type { TokenSettings } from "@/lib/reservations/token-settings";
import { offerFreeSeats } from "@/lib/waitlist/offer-seats";
import { DEFAULT_WAITLIST_SETTINGS, type WaitlistSettings } from "@/lib/waitlist/waitlist-settings";

export type MoveReservationResult =
  | {
      ok: true;
      reservationId: number;
      from: number;
      to: number;
      bookingCode: string;
      emailed: boolean;
    }
  | { ok: false; reason: "invalid"; fieldErrors: FieldErrors }
  | {
      ok: false;
      reason:
        | "not_found"
        | "performance_not_found"
        | "same_performance"
        | "performance_over"
        | "performance_cancelled"
        | "already_checked_in"
        | "already_booked";
    }
  | { ok: false; reason: "not_editable"; status: string }
  | { ok: false; reason: "insufficient_seats"; availableSeats: number };

/**
 * Moves a pending or confirmed reservation to another performance, atomically: both
 * performance rows are locked (in id order, so two moves in opposite directions cannot
 * deadlock), then the reservation; a confirmed party must fit in the target's seats
 * left, read after the lock as a confirmation reads them. Its booking code stays unless
 * the target already uses it (then a new one is drawn); its links' deadlines follow the
 * new start. A party already (partly) through the door stays where it is. With
 * `sendEmail`, a confirmed reservation with an address gets a new ticket for the new
 * date, queued in the same transaction. Audited in the same transaction. The seats a
 * confirmed party leaves behind go to the source's waiting list in the same transaction,
 * under the locks already held (lib/waitlist/offer-seats.ts).
 */
export async function moveReservation({
  db,
  actor,
  reservationId,
  input,
  settings,
  waitlist = DEFAULT_WAITLIST_SETTINGS,
  now = new Date(),
}: {
  db: PrismaClient;
  actor: Actor;
  reservationId: number;
  input: unknown;
  settings: TokenSettings;
  waitlist?: WaitlistSettings;
  now?: Date;
}): Promise<MoveReservationResult> {
  const parsed = reservationMoveInput.safeParse(input);
  if (!parsed.success) return invalid(fieldErrorsOf(parsed.error));
  const { performanceId: targetId, sendEmail } = parsed.data;

  return db.$transaction(async (tx) => {
    const [before] = await tx.$queryRaw<{ performance_id: number }[]>`
      SELECT performance_id FROM reservations WHERE id = ${reservationId}`;
    if (!before) return { ok: false, reason: "not_found" } as const;
    const sourceId = before.performance_id;
    if (sourceId === targetId) return { ok: false, reason: "same_performance" } as const;
    const locked = new Map<number, LockedPerformance | null>();
    for (const id of [sourceId, targetId].sort((a, b) => a - b))
      locked.set(id, await lockPerformance(tx, id));
    const target = locked.get(targetId);
    if (!target) return { ok: false, reason: "performance_not_found" } as const;

    const [current] = await tx.$queryRaw<
      {
        performance_id: number;
        status: string;
        party_size: number;
        email: string;
        booking_code: string;
        checked_in: boolean;
      }[]
    >`
      SELECT r.performance_id, r.status::text AS status, r.party_size, r.email, r.booking_code,
             EXISTS (SELECT 1 FROM check_in_admissions a WHERE a.reservation_id = r.id AND a.undone_at IS NULL) AS checked_in
      FROM reservations r WHERE r.id = ${reservationId} FOR UPDATE OF r`;
    if (!current) return { ok: false, reason: "not_found" } as const;
    // Moved by someone else between the first read and the locks: let the admin look again.
    if (current.performance_id !== sourceId) return { ok: false, reason: "not_found" } as const;
    if (current.checked_in) return { ok: false, reason: "already_checked_in" } as const;
    if (current.status !== "pending" && current.status !== "confirmed")
      return { ok: false, reason: "not_editable", status: current.status } as const;
    if (target.cancelled) return { ok: false, reason: "performance_cancelled" } as const;
    if (performanceIsOver(target, settings.checkInWindowHours, now))
      return { ok: false, reason: "performance_over" } as const;
    const confirmed = current.status === "confirmed";
    if (confirmed && current.party_size > target.availableSeats)
      return {
        ok: false,
        reason: "insufficient_seats",
        availableSeats: target.availableSeats,
      } as const;
    if (
      confirmed &&
      (await emailHoldsConfirmed(tx, { performanceId: targetId, email: current.email }))
    )
      return { ok: false, reason: "already_booked" } as const;

    const [moved] = await tx.$queryRaw<{ booking_code: string }[]>`
      UPDATE reservations r
      SET performance_id = ${targetId}, updated_at = ${now},
          booking_code = CASE
            WHEN EXISTS (SELECT 1 FROM reservations o
                         WHERE o.performance_id = ${targetId} AND o.booking_code = r.booking_code)
            THEN new_booking_code(${targetId}) ELSE r.booking_code END
      WHERE r.id = ${reservationId}
      RETURNING r.booking_code`;
    await followReservationPerformance({ db: tx, reservationId, settings });
    // Only a confirmed party held seats (pending ones never count).
    if (confirmed) await offerFreeSeats(tx, { performanceId: sourceId, settings: waitlist, now });
    const emailed = sendEmail && confirmed && current.email !== "";
    if (emailed) {
      const ticket = await issueToken({
        db: tx,
        reservationId,
        purpose: "check_in",
        settings,
        now,
      });
      await queueEmail(tx, {
        kind: "ticket",
        reservation: { id: reservationId },
        rawToken: ticket.rawToken,
      });
    }
    await writeAudit(tx, actor, {
      action: "reservation.move",
      entityType: "reservation",
      entityId: reservationId,
      summary: `performance ${sourceId} → ${targetId}, ${current.party_size} seats${
        moved.booking_code !== current.booking_code ? `, new code ${moved.booking_code}` : ""
      }${emailed ? ", new ticket emailed" : ""}`,
    });
    return {
      ok: true,
      reservationId,
      from: sourceId,
      to: targetId,
      bookingCode: moved.booking_code,
      emailed,
    } as const;
  });
}
