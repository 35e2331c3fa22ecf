import type { Db } from "@/lib/db";
import { addDays, addHours } from "@/lib/time";

export type PerformanceCounts = {
  id: number;
  startsAt: Date;
  showTitle: string;
  venueName: string;
  showPublished: boolean;
  bookingEnabled: boolean;
  /** room + additional - manually occupied: what the public can book in total. */
  capacity: number;
  confirmedSeats: number;
  /** Seats asked for by reservations awaiting email confirmation; they hold no seats. */
  pendingSeats: number;
  availableSeats: number;
  checkedInSeats: number;
};

type Row = {
  id: number;
  starts_at: Date;
  show_title: string;
  venue_name: string;
  show_published: boolean;
  booking_enabled: boolean;
  capacity: number;
  confirmed_seats: number;
  available_seats: number;
  pending_seats: number;
  checked_in_seats: number;
};

async function performanceCounts(
  db: Db,
  now: Date,
  from: Date,
  to: Date | null,
  limit: number | null,
): Promise<PerformanceCounts[]> {
  // Seats from the one definition (performance_availability); pending seats only of
  // reservations whose link still works (an expired one may not be swept yet).
  const rows = await db.$queryRaw<Row[]>`
    SELECT p.id, p.starts_at, s.title AS show_title, v.name AS venue_name, s.is_published AS show_published,
           p.is_booking_enabled AS booking_enabled,
           a.capacity, a.confirmed_seats, a.available_seats,
           COALESCE(SUM(r.party_size) FILTER (
             WHERE r.status = 'pending' AND EXISTS (
               SELECT 1 FROM reservation_tokens t
               WHERE t.reservation_id = r.id AND t.purpose = 'confirmation'
                 AND t.used_at IS NULL AND t.revoked_at IS NULL AND t.expires_at > ${now})), 0)::int AS pending_seats,
           COALESCE(SUM(c.seats), 0)::int AS checked_in_seats -- seats in (partial admission)
    FROM performances p
    JOIN shows s ON s.id = p.show_id
    JOIN venues v ON v.id = p.venue_id
    JOIN performance_availability a ON a.performance_id = p.id
    LEFT JOIN reservations r ON r.performance_id = p.id
    LEFT JOIN check_ins c ON c.reservation_id = r.id
    WHERE p.starts_at >= ${from} AND (${to}::timestamptz IS NULL OR p.starts_at < ${to}::timestamptz)
    GROUP BY p.id, s.id, v.id, a.capacity, a.confirmed_seats, a.available_seats
    ORDER BY p.starts_at, p.id
    LIMIT ${limit}`;
  return rows.map((row) => ({
    id: row.id,
    startsAt: row.starts_at,
    showTitle: row.show_title,
    venueName: row.venue_name,
    showPublished: row.show_published,
    bookingEnabled: row.booking_enabled,
    capacity: row.capacity,
    confirmedSeats: row.confirmed_seats,
    pendingSeats: row.pending_seats,
    availableSeats: row.available_seats,
    checkedInSeats: row.checked_in_seats,
  }));
}

export type DashboardTotals = Pick<
  PerformanceCounts,
  "capacity" | "confirmedSeats" | "pendingSeats" | "availableSeats" | "checkedInSeats"
> & { performances: number };

export const DASHBOARD_DAYS = 30;

/**
 * Upcoming performances, nearest first, and totals over the next 30 days. A performance
 * stays "upcoming" until its check-in window closes, so tonight's show is still here
 * while the audience arrives.
 */
export async function dashboard(
  db: Db,
  {
    now = new Date(),
    checkInWindowHours,
    limit = 20,
  }: { now?: Date; checkInWindowHours: number; limit?: number },
) {
  const from = addHours(now, -checkInWindowHours);
  const [upcoming, nextDays] = await Promise.all([
    performanceCounts(db, now, from, null, limit),
    performanceCounts(db, now, from, addDays(now, DASHBOARD_DAYS), null),
  ]);
  const totals: DashboardTotals = {
    performances: nextDays.length,
    capacity: 0,
    confirmedSeats: 0,
    pendingSeats: 0,
    availableSeats: 0,
    checkedInSeats: 0,
  };
  for (const p of nextDays) {
    totals.capacity += p.capacity;
    totals.confirmedSeats += p.confirmedSeats;
    totals.pendingSeats += p.pendingSeats;
    totals.availableSeats += p.availableSeats;
    totals.checkedInSeats += p.checkedInSeats;
  }
  return { upcoming, totals };
}
