import type { Db } from "@/lib/db";
import type { ReservationStatus } from "@/lib/generated/prisma/enums";

/** A reservation with what emails and the ticket page show about its performance. */
export type ReservationDetails = {
  id: number;
  status: ReservationStatus;
  name: string;
  email: string;
  partySize: number;
  bookingCode: string;
  locale: string;
  performance: {
    id: number;
    startsAt: Date;
    show: { title: string; slug: string; durationMinutes: number | null };
    venue: { name: string; address: string; city: string };
  };
};

type DetailsRow = Omit<ReservationDetails, "performance"> & {
  performanceId: number;
  startsAt: Date;
  title: string;
  slug: string;
  durationMinutes: number | null;
  venueName: string;
  address: string;
  city: string;
};

/**
 * One query, where Prisma's nested select would send one per table (four): every email
 * job reads this, so the queue drains as fast as the round trips allow.
 */
export async function getReservationDetails(
  db: Db,
  reservationId: number,
): Promise<ReservationDetails | null> {
  const rows = await db.$queryRaw<DetailsRow[]>`
    SELECT r.id, r.status::text AS status, r.name, r.email, r.party_size AS "partySize",
           r.booking_code AS "bookingCode", r.locale,
           p.id AS "performanceId", p.starts_at AS "startsAt",
           s.title, s.slug, s.duration_minutes AS "durationMinutes",
           v.name AS "venueName", v.address, v.city
      FROM reservations r
      JOIN performances p ON p.id = r.performance_id
      JOIN shows s ON s.id = p.show_id
      JOIN venues v ON v.id = p.venue_id
     WHERE r.id = ${reservationId}`;
  const row = rows[0];
  if (!row) return null;
  const {
    performanceId,
    startsAt,
    title,
    slug,
    durationMinutes,
    venueName,
    address,
    city,
    ...reservation
  } = row;
  return {
    ...reservation,
    performance: {
      id: performanceId,
      startsAt,
      show: { title, slug, durationMinutes },
      venue: { name: venueName, address, city },
    },
  };
}
