import type { Db } from "@/lib/db";

const DETAILS_SELECT = {
  id: true,
  status: true,
  name: true,
  email: true,
  partySize: true,
  bookingCode: true,
  locale: true,
  performance: {
    select: {
      id: true,
      startsAt: true,
      show: { select: { title: true, slug: true, durationMinutes: true } },
      venue: { select: { name: true, address: true, city: true } },
    },
  },
} as const;

/** A reservation with what emails and the ticket page show about its performance. */
export function getReservationDetails(db: Db, reservationId: number) {
  return db.reservation.findUnique({ where: { id: reservationId }, select: DETAILS_SELECT });
}

export type ReservationDetails = NonNullable<Awaited<ReturnType<typeof getReservationDetails>>>;
