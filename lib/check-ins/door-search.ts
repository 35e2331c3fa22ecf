import type { Db } from "@/lib/db";
import { parseBookingCode } from "@/lib/check-ins/booking-code";

export type DoorSearchHit = {
  reservationId: number;
  name: string;
  partySize: number;
  seatsIn: number;
  bookingCode: string;
};

export const DOOR_SEARCH_MIN_CHARS = 2;
export const DOOR_SEARCH_LIMIT = 8;

/**
 * The performance's confirmed reservations whose name contains the query, accent- and
 * case-insensitively (door_fold, the same folding as the stored door_name column), or
 * whose booking code is the query. Names only; admitting goes through confirmCheckIn.
 */
export async function searchDoorReservations({
  db,
  performanceId,
  query,
  limit = DOOR_SEARCH_LIMIT,
}: {
  db: Db;
  performanceId: number;
  query: string;
  limit?: number;
}): Promise<DoorSearchHit[]> {
  const trimmed = query.trim();
  if ([...trimmed].length < DOOR_SEARCH_MIN_CHARS) return [];
  const pattern = `%${trimmed.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  const code = parseBookingCode(trimmed);
  const rows = await db.$queryRaw<
    {
      id: number;
      name: string;
      party_size: number;
      seats_in: number;
      booking_code: string;
    }[]
  >`
    SELECT r.id, r.name, r.party_size, COALESCE(c.seats, 0)::int AS seats_in, r.booking_code
    FROM reservations r LEFT JOIN check_ins c ON c.reservation_id = r.id
    WHERE r.performance_id = ${performanceId} AND r.status = 'confirmed'
      AND (r.door_name LIKE door_fold(${pattern}) OR r.booking_code = ${code})
    ORDER BY r.door_name, r.id
    LIMIT ${limit}`;
  return rows.map((row) => ({
    reservationId: row.id,
    name: row.name,
    partySize: row.party_size,
    seatsIn: row.seats_in,
    bookingCode: row.booking_code,
  }));
}
