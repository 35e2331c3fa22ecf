import type { Db } from "@/lib/db";
import { addHours, earliest, utcToZonedLocal, zonedLocalToUtc } from "@/lib/time";

export type DoorPerformance = {
  id: number;
  showTitle: string;
  venueName: string;
  startsAt: Date;
  /** Doors open: from `doorsOpenMinutesBefore` before the start until the check-in window closes. */
  doorsOpen: boolean;
  /** Cancelled by the theatre: listed so the door knows why tonight's show is off, never chosen. */
  cancelled: boolean;
};

/**
 * The performances the door can admit, soonest first: from the start of today (theatre
 * time) while their check-in window is open, so that today's show is the first choice.
 * A cancelled one stays in the list, marked: a volunteer looking for tonight's show
 * learns it is off instead of wondering where it went (the desk lets nobody pick it).
 */
export async function listDoorPerformances({
  db,
  now = new Date(),
  timeZone,
  checkInWindowHours,
  doorsOpenMinutesBefore,
  limit = 20,
}: {
  db: Db;
  now?: Date;
  timeZone: string;
  checkInWindowHours: number;
  doorsOpenMinutesBefore: number;
  limit?: number;
}): Promise<DoorPerformance[]> {
  const startOfToday =
    zonedLocalToUtc(`${utcToZonedLocal(now, timeZone).slice(0, 10)}T00:00`, timeZone) ?? now;
  const windowStillOpenFrom = addHours(now, -checkInWindowHours);
  const rows = await db.performance.findMany({
    where: { startsAt: { gte: earliest(startOfToday, windowStillOpenFrom) } },
    orderBy: [{ startsAt: "asc" }, { id: "asc" }],
    take: limit,
    select: {
      id: true,
      startsAt: true,
      cancelledAt: true,
      show: { select: { title: true } },
      venue: { select: { name: true } },
    },
  });
  return rows.map((row) => ({
    id: row.id,
    showTitle: row.show.title,
    venueName: row.venue.name,
    startsAt: row.startsAt,
    cancelled: row.cancelledAt !== null,
    doorsOpen:
      row.startsAt.getTime() - doorsOpenMinutesBefore * 60_000 <= now.getTime() &&
      now < addHours(row.startsAt, checkInWindowHours),
  }));
}

/**
 * The performance the door should start on: the one asked for, else the one whose doors
 * are open now (the latest started, if two overlap), else the next one. Never a
 * cancelled one, even when asked for: nobody is let in to it.
 */
export function defaultDoorPerformance(
  performances: DoorPerformance[],
  requested: number | null,
  now: Date,
): DoorPerformance | null {
  const on = performances.filter((p) => !p.cancelled);
  return (
    on.find((p) => p.id === requested) ??
    on.filter((p) => p.doorsOpen).at(-1) ??
    on.find((p) => p.startsAt > now) ??
    on[0] ??
    null
  );
}

export type DoorCounts = { checkedInSeats: number; confirmedSeats: number };

/** "Checked in N of M seats": seats of parties through the door, of all confirmed seats. */
export async function countDoorSeats({
  db,
  performanceId,
}: {
  db: Db;
  performanceId: number;
}): Promise<DoorCounts> {
  const [row] = await db.$queryRaw<{ checked_in: bigint | null; confirmed: bigint | null }[]>`
    SELECT COALESCE(SUM(c.seats), 0) AS checked_in,
           COALESCE(SUM(r.party_size) FILTER (WHERE r.status = 'confirmed'), 0) AS confirmed
    FROM reservations r LEFT JOIN check_ins c ON c.reservation_id = r.id
    WHERE r.performance_id = ${performanceId}`;
  return {
    checkedInSeats: Number(row?.checked_in ?? 0),
    confirmedSeats: Number(row?.confirmed ?? 0),
  };
}
