import type { Db } from "@/lib/db";
import type { ReservationStatus } from "@/lib/generated/prisma/enums";

export type Attendee = {
  reservationId: number;
  name: string;
  email: string;
  partySize: number;
  /** Short booking code, for the door list and the CSV (issue 16). */
  bookingCode: string;
  status: ReservationStatus;
  checkedInAt: Date | null;
};

/**
 * Everyone who booked the performance and did not let the booking lapse (confirmed,
 * pending, cancelled), by name. `confirmedOnly` gives the door list.
 */
export async function attendeesOf(
  db: Db,
  performanceId: number,
  { confirmedOnly = false } = {},
): Promise<Attendee[]> {
  const rows = await db.reservation.findMany({
    where: {
      performanceId,
      status: confirmedOnly ? "confirmed" : { in: ["confirmed", "pending", "cancelled"] },
    },
    orderBy: [{ name: "asc" }, { id: "asc" }],
    select: {
      id: true,
      name: true,
      email: true,
      partySize: true,
      bookingCode: true,
      status: true,
      checkIn: { select: { checkedInAt: true } },
    },
  });
  return rows.map((row) => ({
    reservationId: row.id,
    name: row.name,
    email: row.email,
    partySize: row.partySize,
    bookingCode: row.bookingCode,
    status: row.status,
    checkedInAt: row.checkIn?.checkedInAt ?? null,
  }));
}

/** Check-ins of one performance, latest first, with who let the party in and how. */
export async function checkInsOf(db: Db, performanceId: number) {
  return db.checkIn.findMany({
    where: { reservation: { performanceId } },
    orderBy: { checkedInAt: "desc" },
    select: {
      id: true,
      checkedInAt: true,
      source: true,
      seats: true,
      checkedInBy: { select: { name: true, email: true } },
      reservation: { select: { id: true, name: true, partySize: true } },
    },
  });
}

/** Show, venue and time of a performance, for the headings of these lists. */
export async function performanceHeading(db: Db, id: number) {
  return db.performance.findUnique({
    where: { id },
    select: {
      id: true,
      startsAt: true,
      roomCapacity: true,
      additionalSeats: true,
      manuallyOccupiedSeats: true,
      show: { select: { title: true } },
      venue: { select: { name: true, address: true, city: true } },
    },
  });
}
