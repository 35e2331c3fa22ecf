import type { Db } from "@/lib/db";
import { hashToken, isWellFormedToken } from "@/lib/tokens";

/** What a ticket shows its holder; "valid" only when the door would let the party in. */
export type TicketState = "valid" | "checked_in" | "cancelled" | "expired" | "not_confirmed";

export type Ticket = {
  reservationId: number;
  state: TicketState;
  /** The token itself still works: neither revoked nor past its expiry. */
  live: boolean;
  partySize: number;
  bookingCode: string;
  /** The holder's name as booked ("" once erased by the retention purge). */
  name: string;
  performance: {
    id: number;
    startsAt: Date;
    show: { title: string; slug: string; durationMinutes: number | null };
    venue: { name: string; address: string; city: string };
  };
};

/** The reservation a check-in token opens, or null for anything that is not a ticket token. */
export async function findTicket({
  db,
  token,
  now = new Date(),
}: {
  db: Db;
  token: string;
  now?: Date;
}): Promise<Ticket | null> {
  if (!isWellFormedToken(token)) return null;
  const row = await db.reservationToken.findUnique({
    where: { tokenHash: hashToken(token) },
    select: {
      purpose: true,
      expiresAt: true,
      revokedAt: true,
      reservation: {
        select: {
          id: true,
          status: true,
          partySize: true,
          bookingCode: true,
          name: true,
          checkIn: { select: { id: true } },
          performance: {
            select: {
              id: true,
              startsAt: true,
              show: { select: { title: true, slug: true, durationMinutes: true } },
              venue: { select: { name: true, address: true, city: true } },
            },
          },
        },
      },
    },
  });
  if (!row || row.purpose !== "check_in") return null;
  const { reservation } = row;
  return {
    reservationId: reservation.id,
    state: ticketStateOf(
      reservation.status,
      Boolean(reservation.checkIn),
      row.revokedAt !== null,
      row.expiresAt <= now,
    ),
    live: row.revokedAt === null && row.expiresAt > now,
    partySize: reservation.partySize,
    bookingCode: reservation.bookingCode,
    name: reservation.name,
    performance: reservation.performance,
  };
}

function ticketStateOf(
  status: string,
  checkedIn: boolean,
  revoked: boolean,
  expired: boolean,
): TicketState {
  if (checkedIn) return "checked_in";
  if (status === "cancelled" || revoked) return "cancelled";
  if (status !== "confirmed") return "not_confirmed";
  return expired ? "expired" : "valid";
}
