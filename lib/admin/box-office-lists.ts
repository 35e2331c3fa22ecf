import type { Db } from "@/lib/db";
import { availabilityByPerformance } from "@/lib/availability";

/**
 * Performances the box office can still book or move into (their check-in window is
 * open, not cancelled: both would be refused), soonest first, with the seats left from
 * `performance_availability`.
 */
export async function bookablePerformances(
  db: Db,
  { now, checkInWindowHours }: { now: Date; checkInWindowHours: number },
) {
  const performances = await db.performance.findMany({
    where: {
      startsAt: { gt: new Date(now.getTime() - checkInWindowHours * 3_600_000) },
      cancelledAt: null,
    },
    orderBy: { startsAt: "asc" },
    take: 300,
    select: { id: true, startsAt: true, show: { select: { title: true } } },
  });
  const seats = await availabilityByPerformance(
    db,
    performances.map((p) => p.id),
  );
  return performances.map((performance) => ({
    ...performance,
    availableSeats: seats.get(performance.id)?.availableSeats ?? 0,
  }));
}
