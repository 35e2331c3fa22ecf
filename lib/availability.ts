import type { Db } from "@/lib/db";

export type CapacitySettings = {
  roomCapacity: number;
  additionalSeats: number;
  manuallyOccupiedSeats: number;
};

/** Seats the public can book in total: room + additional - manually occupied. */
export function bookableCapacity(p: CapacitySettings): number {
  return p.roomCapacity + p.additionalSeats - p.manuallyOccupiedSeats;
}

export type Availability = {
  capacity: number;
  confirmedSeats: number;
  availableSeats: number;
};

/** Only confirmed reservations consume seats; pending ones do not. */
export async function confirmedSeatsByPerformance(
  db: Db,
  performanceIds: number[],
): Promise<Map<number, number>> {
  if (performanceIds.length === 0) return new Map();
  const rows = await db.reservation.groupBy({
    by: ["performanceId"],
    where: { performanceId: { in: performanceIds }, status: "confirmed" },
    _sum: { partySize: true },
  });
  return new Map(rows.map((row) => [row.performanceId, row._sum.partySize ?? 0]));
}

export function availabilityOf(
  performance: CapacitySettings,
  confirmedSeats: number,
): Availability {
  const capacity = bookableCapacity(performance);
  return { capacity, confirmedSeats, availableSeats: Math.max(0, capacity - confirmedSeats) };
}

/** Availability of one performance, or null when it does not exist. */
export async function getAvailability(db: Db, performanceId: number): Promise<Availability | null> {
  const performance = await db.performance.findUnique({
    where: { id: performanceId },
    select: { roomCapacity: true, additionalSeats: true, manuallyOccupiedSeats: true },
  });
  if (!performance) return null;
  const confirmed = await confirmedSeatsByPerformance(db, [performanceId]);
  return availabilityOf(performance, confirmed.get(performanceId) ?? 0);
}
