import type { Db } from "@/lib/db";

export type CapacitySettings = {
  roomCapacity: number;
  additionalSeats: number;
  manuallyOccupiedSeats: number;
};

/**
 * Seats the public can book in total for settings not saved yet (the admin form's live
 * formula, and the check of a capacity change before it is written). Saved performances
 * are read from the `performance_availability` view, the one definition of availability.
 */
export function bookableCapacity(p: CapacitySettings): number {
  return p.roomCapacity + p.additionalSeats - p.manuallyOccupiedSeats;
}

export type Availability = {
  capacity: number;
  confirmedSeats: number;
  availableSeats: number;
};

/** Availability of saved performances, from the database's one definition; only confirmed reservations consume seats. */
export async function availabilityByPerformance(
  db: Db,
  performanceIds: number[],
): Promise<Map<number, Availability>> {
  if (performanceIds.length === 0) return new Map();
  const rows = await db.$queryRaw<
    { performance_id: number; capacity: number; confirmed_seats: number; available_seats: number }[]
  >`
    SELECT performance_id, capacity, confirmed_seats, available_seats
    FROM performance_availability WHERE performance_id = ANY(${performanceIds}::int[])`;
  return new Map(
    rows.map((row) => [
      row.performance_id,
      {
        capacity: row.capacity,
        confirmedSeats: row.confirmed_seats,
        availableSeats: row.available_seats,
      },
    ]),
  );
}

/** Availability of one performance, or null when it does not exist. */
export async function getAvailability(db: Db, performanceId: number): Promise<Availability | null> {
  return (await availabilityByPerformance(db, [performanceId])).get(performanceId) ?? null;
}
