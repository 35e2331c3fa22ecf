import type { Db } from "@/lib/db";
import type {
  CheckInSource,
  ReservationChannel,
  ReservationStatus,
} from "@/lib/generated/prisma/enums";

export type Attendee = {
  reservationId: number;
  name: string;
  email: string;
  phone: string;
  notes: string;
  channel: ReservationChannel;
  partySize: number;
  /** Short booking code, for the door list and the CSV (issue 16). */
  bookingCode: string;
  status: ReservationStatus;
  checkedInAt: Date | null;
  /** Seats of the party through the door now, and how the first of them came in. */
  seatsIn: number;
  checkInSource: CheckInSource | null;
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
      phone: true,
      notes: true,
      channel: true,
      partySize: true,
      bookingCode: true,
      status: true,
      checkIn: { select: { checkedInAt: true, seats: true, source: true } },
    },
  });
  return rows.map((row) => ({
    reservationId: row.id,
    name: row.name,
    email: row.email,
    phone: row.phone,
    notes: row.notes,
    channel: row.channel,
    partySize: row.partySize,
    bookingCode: row.bookingCode,
    status: row.status,
    // A check-in whose admissions were all undone leaves 0 seats in: not checked in.
    checkedInAt: row.checkIn && row.checkIn.seats > 0 ? row.checkIn.checkedInAt : null,
    seatsIn: row.checkIn?.seats ?? 0,
    checkInSource: row.checkIn && row.checkIn.seats > 0 ? row.checkIn.source : null,
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

export const CHECK_INS_PAGE_SIZE = 100;

/**
 * Admissions of every performance (or one), newest first, a page at a time: who came in,
 * how many seats, how, let in by whom, and whether it was undone.
 */
export async function recentAdmissions(
  db: Db,
  { performanceId, page = 1 }: { performanceId?: number; page?: number } = {},
) {
  const where = performanceId ? { reservation: { performanceId } } : {};
  const [rows, total] = await Promise.all([
    db.checkInAdmission.findMany({
      where,
      orderBy: [{ admittedAt: "desc" }, { id: "desc" }],
      skip: (page - 1) * CHECK_INS_PAGE_SIZE,
      take: CHECK_INS_PAGE_SIZE,
      select: {
        id: true,
        admittedAt: true,
        seats: true,
        source: true,
        outsideWindow: true,
        undoneAt: true,
        admittedBy: { select: { name: true, email: true } },
        reservation: {
          select: {
            id: true,
            name: true,
            partySize: true,
            bookingCode: true,
            performance: {
              select: { id: true, startsAt: true, show: { select: { title: true } } },
            },
          },
        },
      },
    }),
    db.checkInAdmission.count({ where }),
  ]);
  return { rows, total, page, pageCount: Math.max(1, Math.ceil(total / CHECK_INS_PAGE_SIZE)) };
}
