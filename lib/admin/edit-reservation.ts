import type { PrismaClient } from "@/lib/db";
import { writeAudit, type Actor } from "@/lib/audit/audit-log";
import { reservationEditInput } from "@/lib/admin/box-office-input";
import { fieldErrorsOf, type FieldErrors } from "@/lib/admin/form-fields";
import { invalid } from "@/lib/admin/results";
import {
  emailHoldsConfirmed,
  lockReservationAndPerformance,
  retryWhenMoved,
} from "@/lib/reservations/lock-performance";
import { offerFreeSeats } from "@/lib/waitlist/offer-seats";
import { DEFAULT_WAITLIST_SETTINGS, type WaitlistSettings } from "@/lib/waitlist/waitlist-settings";

export type EditReservationResult =
  | { ok: true; reservationId: number; changed: string[]; overCapacityBy: number }
  | { ok: false; reason: "invalid"; fieldErrors: FieldErrors }
  | { ok: false; reason: "not_found" | "already_booked" | "anonymized" }
  | { ok: false; reason: "not_editable"; status: string }
  | { ok: false; reason: "insufficient_seats"; availableSeats: number }
  | { ok: false; reason: "below_checked_in"; seatsIn: number };

const EDITABLE = new Set(["pending", "confirmed"]);

/**
 * Changes the party size, contact details, notes or email language of a pending or
 * confirmed reservation. The performance row is locked first, then the reservation (a
 * visitor's confirmation locks the same two), so a bigger party of a confirmed
 * reservation is counted against the seats left after every confirmation before it;
 * a guest's may exceed them only with the explicit, audited override. A party cannot
 * shrink below the seats already through the door. A change of address keeps the rule
 * of one confirmed reservation per address and performance. Audited in the same
 * transaction, naming what changed (never the visitor's details themselves). Seats a
 * smaller confirmed party gives back go to the waiting list in the same transaction,
 * under the performance's lock (lib/waitlist/offer-seats.ts).
 */
export async function editReservation({
  db,
  actor,
  reservationId,
  input,
  waitlist = DEFAULT_WAITLIST_SETTINGS,
  now = new Date(),
  lock = true,
}: {
  db: PrismaClient;
  actor: Actor;
  reservationId: number;
  input: unknown;
  waitlist?: WaitlistSettings;
  now?: Date;
  lock?: boolean;
}): Promise<EditReservationResult> {
  const parsed = reservationEditInput.safeParse(input);
  if (!parsed.success) return invalid(fieldErrorsOf(parsed.error));
  const edit = parsed.data;

  return retryWhenMoved(() =>
    db.$transaction(async (tx) => {
      const performance = await lockReservationAndPerformance(tx, reservationId, { lock });
      if (!performance) return { ok: false, reason: "not_found" } as const;
      const current = await tx.reservation.findUniqueOrThrow({
        where: { id: reservationId },
        select: {
          status: true,
          channel: true,
          name: true,
          email: true,
          phone: true,
          partySize: true,
          notes: true,
          locale: true,
          anonymizedAt: true,
          checkIn: { select: { seats: true } },
        },
      });
      if (current.anonymizedAt) return { ok: false, reason: "anonymized" } as const;
      if (!EDITABLE.has(current.status))
        return { ok: false, reason: "not_editable", status: current.status } as const;
      if (edit.overrideCapacity && current.channel !== "guest")
        return invalid({ overrideCapacity: ["override_guests_only"] });
      const seatsIn = current.checkIn?.seats ?? 0;
      if (edit.party_size < seatsIn)
        return { ok: false, reason: "below_checked_in", seatsIn } as const;

      const confirmed = current.status === "confirmed";
      const extraSeats = confirmed ? edit.party_size - current.partySize : 0;
      const overCapacityBy = Math.max(0, extraSeats - performance.availableSeats);
      if (overCapacityBy > 0 && !edit.overrideCapacity)
        return {
          ok: false,
          reason: "insufficient_seats",
          availableSeats: performance.availableSeats,
        } as const;
      const emailChanged = edit.email.toLowerCase() !== current.email.toLowerCase();
      if (
        confirmed &&
        emailChanged &&
        (await emailHoldsConfirmed(tx, {
          performanceId: performance.performanceId,
          email: edit.email,
          exceptReservationId: reservationId,
        }))
      )
        return { ok: false, reason: "already_booked" } as const;

      const changed = (
        [
          ["party", edit.party_size !== current.partySize],
          ["name", edit.name !== current.name],
          ["email", edit.email !== current.email],
          ["phone", edit.phone !== current.phone],
          ["notes", edit.notes !== current.notes],
          ["language", edit.locale !== current.locale],
        ] as const
      )
        .filter(([, differs]) => differs)
        .map(([field]) => field);
      if (changed.length === 0)
        return { ok: true, reservationId, changed, overCapacityBy: 0 } as const;

      await tx.reservation.update({
        where: { id: reservationId },
        data: {
          name: edit.name,
          email: edit.email,
          phone: edit.phone,
          partySize: edit.party_size,
          notes: edit.notes,
          locale: edit.locale,
        },
      });
      const party =
        edit.party_size !== current.partySize
          ? `party ${current.partySize} → ${edit.party_size}; `
          : "";
      await writeAudit(tx, actor, {
        action: "reservation.update",
        entityType: "reservation",
        entityId: reservationId,
        summary: `${party}changed: ${changed.join(", ")}`,
      });
      if (extraSeats < 0)
        await offerFreeSeats(tx, {
          performanceId: performance.performanceId,
          settings: waitlist,
          now,
        });
      if (overCapacityBy > 0)
        await writeAudit(tx, actor, {
          action: "reservation.capacity_override",
          entityType: "reservation",
          entityId: reservationId,
          summary: `guest party raised ${overCapacityBy} over capacity (${performance.availableSeats} available, party ${current.partySize} → ${edit.party_size})`,
        });
      return { ok: true, reservationId, changed, overCapacityBy } as const;
    }),
  );
}
