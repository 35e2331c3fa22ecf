import type { PrismaClient } from "@/lib/db";
import { writeAudit, type Actor } from "@/lib/audit/audit-log";

export type UndoCheckInResult =
  | { ok: true; reservationId: number; seats: number; seatsIn: number }
  | { ok: false; reason: "not_found" | "already_undone" | "undo_window_closed" };

/**
 * Takes back one admission (a mistaken tap, the wrong party): staff within
 * `staffUndoMinutes` of it, admins at any time. The admission is marked undone, never
 * deleted, the check-in summary rebuilt and the undo audited, all in one transaction
 * holding the reservation's lock, like an admission.
 */
export async function undoCheckIn({
  db,
  admissionId,
  actor,
  isAdmin,
  staffUndoMinutes,
  now = new Date(),
}: {
  db: PrismaClient;
  admissionId: number;
  actor: Actor;
  isAdmin: boolean;
  staffUndoMinutes: number;
  now?: Date;
}): Promise<UndoCheckInResult> {
  return db.$transaction(async (tx) => {
    const [locked] = await tx.$queryRaw<{ id: number }[]>`
      SELECT r.id FROM reservations r JOIN check_in_admissions a ON a.reservation_id = r.id
      WHERE a.id = ${admissionId} FOR UPDATE OF r`;
    if (!locked) return { ok: false, reason: "not_found" } as const;
    const admission = await tx.checkInAdmission.findUniqueOrThrow({ where: { id: admissionId } });
    if (admission.undoneAt) return { ok: false, reason: "already_undone" } as const;
    if (!isAdmin && now.getTime() - admission.admittedAt.getTime() > staffUndoMinutes * 60_000)
      return { ok: false, reason: "undo_window_closed" } as const;

    await tx.checkInAdmission.update({
      where: { id: admissionId },
      data: { undoneAt: now, undoneById: actor.id },
    });
    await tx.$executeRaw`SELECT sync_check_in(${admission.reservationId}::int)`;
    const summary = await tx.checkIn.findUnique({
      where: { reservationId: admission.reservationId },
      select: { seats: true },
    });
    await writeAudit(tx, actor, {
      action: "reservation.check_in_undo",
      entityType: "reservation",
      entityId: admission.reservationId,
      summary: `undid admission ${admission.id} (${admission.seats} seats, ${admission.source})`,
    });
    return {
      ok: true,
      reservationId: admission.reservationId,
      seats: admission.seats,
      seatsIn: summary?.seats ?? 0,
    } as const;
  });
}
