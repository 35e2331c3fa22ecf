import type { PrismaClient } from "@/lib/db";
import { writeAudit, type Actor } from "@/lib/audit/audit-log";
import { fieldErrorsOf } from "@/lib/admin/form-fields";
import { performanceInput } from "@/lib/admin/performance-input";
import { invalid, type DeleteResult, type SaveResult } from "@/lib/admin/results";
import { bookableCapacity, getAvailability } from "@/lib/availability";
import { parseZonedLocal } from "@/lib/time";
import { isSaneDate } from "@/lib/validation/text";
import { followPerformanceStart } from "@/lib/reservations/reservation-tokens";
import type { TokenSettings } from "@/lib/reservations/token-settings";

export type SavePerformanceResult =
  | SaveResult
  /** The new settings leave fewer bookable seats than are already confirmed. */
  | { ok: false; reason: "capacity_below_confirmed"; confirmedSeats: number; capacity: number };

/**
 * Creates (no `id`) or updates a performance; `startsAt` is the wall clock in `timeZone`.
 * A change that would leave confirmed seats above the bookable capacity is refused:
 * confirmed reservations are never silently dropped. The performance row is locked
 * first, so a confirmation running now (which locks it too) is counted. A new start
 * moves the deadlines of its reservations' links in the same transaction.
 */
export async function savePerformance({
  db,
  actor,
  id,
  input,
  timeZone,
  tokenSettings,
}: {
  db: PrismaClient;
  actor: Actor;
  id?: number;
  input: unknown;
  timeZone: string;
  tokenSettings: TokenSettings;
}): Promise<SavePerformanceResult> {
  const parsed = performanceInput.safeParse(input);
  if (!parsed.success) return invalid(fieldErrorsOf(parsed.error));
  const { startsAt: localStart, ...settings } = parsed.data;
  const start = parseZonedLocal(localStart, timeZone);
  if (!start.ok) return invalid({ startsAt: [start.reason] });
  if (!isSaneDate(start.instant)) return invalid({ startsAt: ["invalid_datetime"] });
  const startsAt = start.instant;

  return db.$transaction(async (tx) => {
    const [show, venue] = await Promise.all([
      tx.show.findUnique({ where: { id: settings.showId }, select: { title: true } }),
      tx.venue.findUnique({ where: { id: settings.venueId }, select: { id: true } }),
    ]);
    if (!show || !venue)
      return invalid({
        ...(show ? {} : { showId: ["required"] }),
        ...(venue ? {} : { venueId: ["required"] }),
      });

    if (id) {
      const locked = await tx.$queryRaw<
        { id: number }[]
      >`SELECT id FROM performances WHERE id = ${id} FOR UPDATE`;
      if (locked.length === 0) return { ok: false, reason: "not_found" } as const;
      const confirmedSeats = (await getAvailability(tx, id))?.confirmedSeats ?? 0;
      const capacity = bookableCapacity(settings);
      if (capacity < confirmedSeats)
        return { ok: false, reason: "capacity_below_confirmed", confirmedSeats, capacity } as const;
    }

    const data = { ...settings, startsAt };
    const row = id
      ? await tx.performance.update({ where: { id }, data })
      : await tx.performance.create({ data });
    if (id) await followPerformanceStart({ db: tx, performanceId: id, settings: tokenSettings });
    await writeAudit(tx, actor, {
      action: id ? "performance.update" : "performance.create",
      entityType: "performance",
      entityId: row.id,
      summary: `${show.title}, ${localStart} (room ${row.roomCapacity}, additional ${row.additionalSeats}, manually occupied ${row.manuallyOccupiedSeats}, booking ${row.isBookingEnabled ? "on" : "off"})`,
    });
    return { ok: true, id: row.id } as const;
  });
}

export async function deletePerformance({
  db,
  actor,
  id,
}: {
  db: PrismaClient;
  actor: Actor;
  id: number;
}): Promise<DeleteResult> {
  return db.$transaction(async (tx) => {
    const [performance] = await tx.$queryRaw<
      { starts_at: Date }[]
    >`SELECT starts_at FROM performances WHERE id = ${id} FOR UPDATE`;
    if (!performance) return { ok: false, reason: "not_found" } as const;
    const count = await tx.reservation.count({ where: { performanceId: id } });
    if (count > 0) return { ok: false, reason: "has_reservations", count } as const;
    await tx.performance.delete({ where: { id } });
    await writeAudit(tx, actor, {
      action: "performance.delete",
      entityType: "performance",
      entityId: id,
      summary: performance.starts_at.toISOString(),
    });
    return { ok: true } as const;
  });
}
