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

/** A link token's state, as composing its email needs it. */
export type TokenState = { expiresAt: Date; usedAt: Date | null; revokedAt: Date | null };

type DetailsRow = Omit<ReservationDetails, "performance"> & {
  performanceId: number;
  startsAt: Date;
  title: string;
  slug: string;
  durationMinutes: number | null;
  venueName: string;
  address: string;
  city: string;
  tokenExpiresAt: Date | null;
  tokenUsedAt: Date | null;
  tokenRevokedAt: Date | null;
};

/**
 * One query, where Prisma's nested select would send one per table (four), and the
 * token's own lookup a fifth: every email job reads this, so the queue drains as fast as
 * the round trips allow. The token is this reservation's token with that hash, or null.
 */
async function queryDetails(
  db: Db,
  reservationId: number,
  tokenHash: string | null,
): Promise<{ reservation: ReservationDetails; token: TokenState | null } | null> {
  const rows = await db.$queryRaw<DetailsRow[]>`
    SELECT r.id, r.status::text AS status, r.name, r.email, r.party_size AS "partySize",
           r.booking_code AS "bookingCode", r.locale,
           p.id AS "performanceId", p.starts_at AS "startsAt",
           s.title, s.slug, s.duration_minutes AS "durationMinutes",
           v.name AS "venueName", v.address, v.city,
           t.expires_at AS "tokenExpiresAt", t.used_at AS "tokenUsedAt",
           t.revoked_at AS "tokenRevokedAt"
      FROM reservations r
      JOIN performances p ON p.id = r.performance_id
      JOIN shows s ON s.id = p.show_id
      JOIN venues v ON v.id = p.venue_id
      LEFT JOIN reservation_tokens t ON t.token_hash = ${tokenHash} AND t.reservation_id = r.id
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
    tokenExpiresAt,
    tokenUsedAt,
    tokenRevokedAt,
    ...reservation
  } = row;
  return {
    reservation: {
      ...reservation,
      performance: {
        id: performanceId,
        startsAt,
        show: { title, slug, durationMinutes },
        venue: { name: venueName, address, city },
      },
    },
    token:
      tokenExpiresAt === null
        ? null
        : { expiresAt: tokenExpiresAt, usedAt: tokenUsedAt, revokedAt: tokenRevokedAt },
  };
}

export async function getReservationDetails(
  db: Db,
  reservationId: number,
): Promise<ReservationDetails | null> {
  return (await queryDetails(db, reservationId, null))?.reservation ?? null;
}

/** The reservation's details and the state of its link token with `tokenHash`, in one query. */
export function getReservationDetailsAndToken(db: Db, reservationId: number, tokenHash: string) {
  return queryDetails(db, reservationId, tokenHash);
}
