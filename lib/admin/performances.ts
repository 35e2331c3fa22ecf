import type { Db, PrismaClient } from "@/lib/db";
import { writeAudit, type Actor } from "@/lib/audit/audit-log";
import { fieldErrorsOf } from "@/lib/admin/form-fields";
import { performanceInput } from "@/lib/admin/performance-input";
import { deleteProtected, lockRow, type DeleteRule } from "@/lib/admin/crud";
import { invalid, type SaveResult } from "@/lib/admin/results";
import { availabilityByPerformance, bookableCapacity, getAvailability } from "@/lib/availability";
import { parseZonedLocal } from "@/lib/time";
import { isSaneDate } from "@/lib/validation/text";
import { followPerformanceStart } from "@/lib/reservations/reservation-tokens";
import type { TokenSettings } from "@/lib/reservations/token-settings";
import { offerFreeSeats } from "@/lib/waitlist/offer-seats";
import { queueChangeNotice } from "@/lib/audience/message-holders";
import { DEFAULT_WAITLIST_SETTINGS, type WaitlistSettings } from "@/lib/waitlist/waitlist-settings";

export type SavePerformanceResult =
  | SaveResult
  /** The new settings leave fewer bookable seats than are already confirmed. */
  | { ok: false; reason: "capacity_below_confirmed"; confirmedSeats: number; capacity: number };

/**
 * Creates (no `id`) or updates a performance; `startsAt` is the wall clock in `timeZone`.
 * A change that would leave confirmed seats above the bookable capacity is refused:
 * confirmed reservations are never silently dropped. The performance row is locked
 * first, so a confirmation running now (which locks it too) is counted. A new start
 * moves the deadlines of its reservations' links in the same transaction (an unchanged
 * one touches none of them). Seats a change
 * frees are offered to the waiting list in the same transaction.
 */
export async function savePerformance({
  db,
  actor,
  id,
  input,
  timeZone,
  tokenSettings,
  waitlist = DEFAULT_WAITLIST_SETTINGS,
}: {
  db: PrismaClient;
  actor: Actor;
  id?: number;
  input: unknown;
  timeZone: string;
  tokenSettings: TokenSettings;
  waitlist?: WaitlistSettings;
}): Promise<SavePerformanceResult> {
  const parsed = performanceInput.safeParse(input);
  if (!parsed.success) return invalid(fieldErrorsOf(parsed.error));
  const { startsAt: localStart, notifyHolders, ...settings } = parsed.data;
  const start = parseZonedLocal(localStart, timeZone);
  if (!start.ok) return invalid({ startsAt: [start.reason] });
  if (!isSaneDate(start.instant)) return invalid({ startsAt: ["invalid_datetime"] });
  const startsAt = start.instant;

  return db.$transaction(async (tx) => {
    const show = await showAtVenue(tx, settings);
    if ("reason" in show) return show;

    let before: { startsAt: Date; venueId: number } | null = null;
    if (id) {
      if ((await lockRow(tx, "performance", id)) === null)
        return { ok: false, reason: "not_found" } as const;
      before = await tx.performance.findUniqueOrThrow({
        where: { id },
        select: { startsAt: true, venueId: true },
      });
      // Seats held by running waiting-list offers are promised too: they count here.
      const [taken] = await tx.$queryRaw<{ seats: number }[]>`
        SELECT confirmed_seats + held_seats AS seats FROM performance_availability
        WHERE performance_id = ${id}`;
      const confirmedSeats = taken?.seats ?? 0;
      const capacity = bookableCapacity(settings);
      if (capacity < confirmedSeats)
        return { ok: false, reason: "capacity_below_confirmed", confirmedSeats, capacity } as const;
    }

    const data = { ...settings, startsAt };
    const row = id
      ? await tx.performance.update({ where: { id }, data })
      : await tx.performance.create({ data });
    if (id) {
      // Only a new start moves the links' deadlines: an unchanged one leaves the tokens,
      // which the door and confirmations update, alone.
      if (before && before.startsAt.getTime() !== startsAt.getTime())
        await followPerformanceStart({ db: tx, performanceId: id, settings: tokenSettings });
      // More seats (capacity raised, manual seats lowered) go to the waiting list first;
      // the row is locked above, as every offer requires.
      await offerFreeSeats(tx, { performanceId: id, settings: waitlist, now: new Date() });
      // The admin was asked whether to tell the holders of a new time or venue.
      const moved =
        before &&
        (before.startsAt.getTime() !== startsAt.getTime() || before.venueId !== settings.venueId);
      if (moved && notifyHolders)
        await queueChangeNotice(tx, { actor, performanceId: id, now: new Date() });
    }
    await writeAudit(tx, actor, {
      action: id ? "performance.update" : "performance.create",
      entityType: "performance",
      entityId: row.id,
      summary: `${show.title}, ${localStart} (room ${row.roomCapacity}, additional ${row.additionalSeats}, manually occupied ${row.manuallyOccupiedSeats}, booking ${row.isBookingEnabled ? "on" : "off"})`,
    });
    return { ok: true, id: row.id } as const;
  });
}

/** The show of a performance being written, or field errors when show or venue is gone. */
export async function showAtVenue(
  db: Db,
  { showId, venueId }: { showId: number; venueId: number },
): Promise<{ title: string } | ReturnType<typeof invalid>> {
  const [show, venue] = await Promise.all([
    db.show.findUnique({ where: { id: showId }, select: { title: true } }),
    db.venue.findUnique({ where: { id: venueId }, select: { id: true } }),
  ]);
  if (show && venue) return show;
  return invalid({
    ...(show ? {} : { showId: ["required"] }),
    ...(venue ? {} : { venueId: ["required"] }),
  });
}

const performanceDelete: DeleteRule = {
  entity: "performance",
  label: `to_char(starts_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`,
  protectedBy: {
    reason: "has_reservations",
    count: (tx, id) => tx.reservation.count({ where: { performanceId: id } }),
  },
  remove: (tx, id) => tx.performance.delete({ where: { id } }),
};

/** Deletes a performance that has no reservations (PROTECT). */
export const deletePerformance = (args: { db: PrismaClient; actor: Actor; id: number }) =>
  deleteProtected(performanceDelete, args);

/** Upcoming (from `now`) or past performances, nearest first, with their seat counts. */
export async function performanceList(db: Db, { past, now }: { past: boolean; now: Date }) {
  const performances = await db.performance.findMany({
    where: past ? { startsAt: { lt: now } } : { startsAt: { gte: now } },
    orderBy: { startsAt: past ? "desc" : "asc" },
    take: 200,
    include: { show: { select: { title: true } }, venue: { select: { name: true } } },
  });
  const availability = await availabilityByPerformance(
    db,
    performances.map((p) => p.id),
  );
  return performances.map((performance) => ({
    ...performance,
    confirmedSeats: availability.get(performance.id)?.confirmedSeats ?? 0,
    capacity: availability.get(performance.id)?.capacity ?? 0,
  }));
}

/** One performance with its show's title and its confirmed seats, or null. */
export async function performanceById(db: Db, id: number) {
  const performance = await db.performance.findUnique({
    where: { id },
    include: { show: { select: { title: true } } },
  });
  if (!performance) return null;
  const confirmedSeats = (await getAvailability(db, id))?.confirmedSeats ?? 0;
  return { ...performance, confirmedSeats };
}

/** Shows and venues as the options of the performance form's selects. */
export async function performanceOptions(db: Db) {
  const [shows, venues] = await Promise.all([
    db.show.findMany({ orderBy: { title: "asc" }, select: { id: true, title: true } }),
    db.venue.findMany({ orderBy: { name: "asc" }, select: { id: true, name: true, city: true } }),
  ]);
  return {
    shows: shows.map((show) => ({ value: String(show.id), label: show.title })),
    venues: venues.map((venue) => ({
      value: String(venue.id),
      label: `${venue.name}, ${venue.city}`,
    })),
  };
}

/** The latest performances, newest first, for the reservations filter. */
export function performanceChoices(db: Db) {
  return db.performance.findMany({
    orderBy: { startsAt: "desc" },
    take: 300,
    select: { id: true, startsAt: true, show: { select: { title: true } } },
  });
}

/** Venue id → its usual capacity, for the venues that have one (the performance form's default). */
export async function venueCapacities(db: Db): Promise<Record<string, number>> {
  const venues = await db.venue.findMany({
    where: { defaultCapacity: { not: null } },
    select: { id: true, defaultCapacity: true },
  });
  return Object.fromEntries(venues.map((venue) => [String(venue.id), venue.defaultCapacity ?? 0]));
}
