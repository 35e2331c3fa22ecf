import type { Db, PrismaClient } from "@/lib/db";
import type { CheckInSource } from "@/lib/generated/prisma/enums";
import { hashToken } from "@/lib/tokens";

/** What staff may see of a ticket: no name, email, phone or notes. */
export type TicketSummary = {
  reservationId: number;
  performanceId: number;
  showTitle: string;
  startsAt: Date;
  partySize: number;
};

export type EarlierCheckIn = { checkedInAt: Date; checkedInByName: string };

export type CheckInRefusal =
  | { ok: false; reason: "token_not_found" }
  | {
      ok: false;
      reason: "wrong_performance" | "reservation_not_confirmed" | "token_expired";
      ticket: TicketSummary;
    }
  | { ok: false; reason: "already_checked_in"; ticket: TicketSummary; earlier: EarlierCheckIn };

export type PreviewCheckInResult =
  { ok: true; status: "valid"; ticket: TicketSummary } | CheckInRefusal;

export type ConfirmCheckInResult =
  | {
      ok: true;
      status: "checked_in";
      ticket: TicketSummary;
      checkedInAt: Date;
      checkedInById: number;
    }
  | CheckInRefusal;

type TicketRow = {
  token_id: number;
  expires_at: Date;
  reservation_id: number;
  status: string;
  party_size: number;
  performance_id: number;
  starts_at: Date;
  show_title: string;
  existing_checked_in_at: Date | null;
  existing_checked_in_by_id: number | null;
  existing_checked_in_by_name: string | null;
  existing_nonce: string | null;
  inserted_checked_in_at?: Date | null;
};

// `hashParam` is the positional parameter ($n) that carries the token hash.
const TICKET_SELECT = (hashParam: string) => `
  SELECT t.id AS token_id, t.expires_at, r.id AS reservation_id, r.status::text AS status, r.party_size,
         r.performance_id, p.starts_at, s.title AS show_title
  FROM reservation_tokens t
  JOIN reservations r ON r.id = t.reservation_id
  JOIN performances p ON p.id = r.performance_id
  JOIN shows s ON s.id = p.show_id
  WHERE t.token_hash = ${hashParam} AND t.purpose = 'check_in'`;

function ticketOf(row: TicketRow): TicketSummary {
  return {
    reservationId: row.reservation_id,
    performanceId: row.performance_id,
    showTitle: row.show_title,
    startsAt: row.starts_at,
    partySize: row.party_size,
  };
}

/** The refusal for a ticket row, or null when it can be admitted. Order: what helps staff most first. */
function refusalOf(
  row: TicketRow,
  performanceId: number | undefined,
  now: Date,
): CheckInRefusal | null {
  const ticket = ticketOf(row);
  if (performanceId !== undefined && row.performance_id !== performanceId)
    return { ok: false, reason: "wrong_performance", ticket };
  if (row.existing_checked_in_at) {
    return {
      ok: false,
      reason: "already_checked_in",
      ticket,
      earlier: {
        checkedInAt: row.existing_checked_in_at,
        checkedInByName: row.existing_checked_in_by_name ?? "",
      },
    };
  }
  if (row.status !== "confirmed") return { ok: false, reason: "reservation_not_confirmed", ticket };
  if (row.expires_at <= now) return { ok: false, reason: "token_expired", ticket };
  return null;
}

/** Tells staff what confirming would do. Never writes. */
export async function previewCheckIn({
  db,
  token,
  performanceId,
  now = new Date(),
}: {
  db: Db;
  token: string;
  performanceId?: number;
  now?: Date;
}): Promise<PreviewCheckInResult> {
  const rows = await db.$queryRawUnsafe<TicketRow[]>(
    `
    WITH ticket AS (${TICKET_SELECT("$1")})
    SELECT ticket.*, c.checked_in_at AS existing_checked_in_at, c.checked_in_by_id AS existing_checked_in_by_id,
           u.name AS existing_checked_in_by_name, c.nonce AS existing_nonce
    FROM ticket
    LEFT JOIN check_ins c ON c.reservation_id = ticket.reservation_id
    LEFT JOIN users u ON u.id = c.checked_in_by_id`,
    hashToken(token),
  );
  const row = rows[0];
  if (!row) return { ok: false, reason: "token_not_found" };
  return refusalOf(row, performanceId, now) ?? { ok: true, status: "valid", ticket: ticketOf(row) };
}

/**
 * Records the entrance of the party holding `token`. The reservation row is locked
 * first (a cancellation or another scan of the same ticket waits), then one statement
 * re-validates and inserts; the unique reservation_id on check_ins makes a second
 * check-in impossible even without the lock. A retry carrying the `nonce` of the
 * request that succeeded gets that success again instead of "already checked in".
 */
export async function confirmCheckIn({
  db,
  token,
  staffUserId,
  performanceId,
  nonce,
  source = "qr_scan",
  now = new Date(),
}: {
  db: PrismaClient;
  token: string;
  staffUserId: number;
  performanceId?: number;
  nonce?: string;
  source?: CheckInSource;
  now?: Date;
}): Promise<ConfirmCheckInResult> {
  const tokenHash = hashToken(token);
  const [, rows] = await db.$transaction([
    db.$queryRaw`
      SELECT r.id FROM reservation_tokens t JOIN reservations r ON r.id = t.reservation_id
      WHERE t.token_hash = ${tokenHash} AND t.purpose = 'check_in' FOR UPDATE OF r`,
    db.$queryRawUnsafe<TicketRow[]>(
      `
      WITH ticket AS (${TICKET_SELECT("$6")}),
      inserted AS (
        INSERT INTO check_ins (reservation_id, checked_in_at, checked_in_by_id, source, nonce, created_at, updated_at)
        SELECT reservation_id, $1, $2, $3::check_in_source, $4, $1, $1 FROM ticket
        WHERE status = 'confirmed' AND expires_at > $1 AND ($5::int IS NULL OR performance_id = $5::int)
        ON CONFLICT (reservation_id) DO NOTHING
        RETURNING checked_in_at
      ), used AS (
        UPDATE reservation_tokens SET used_at = $1 FROM inserted, ticket WHERE reservation_tokens.id = ticket.token_id
      )
      SELECT ticket.*, (SELECT checked_in_at FROM inserted) AS inserted_checked_in_at,
             c.checked_in_at AS existing_checked_in_at, c.checked_in_by_id AS existing_checked_in_by_id,
             u.name AS existing_checked_in_by_name, c.nonce AS existing_nonce
      FROM ticket
      LEFT JOIN check_ins c ON c.reservation_id = ticket.reservation_id
      LEFT JOIN users u ON u.id = c.checked_in_by_id`,
      now,
      staffUserId,
      source,
      nonce ?? null,
      performanceId ?? null,
      tokenHash,
    ),
  ]);

  const row = rows[0];
  if (!row) return { ok: false, reason: "token_not_found" };
  const ticket = ticketOf(row);
  if (row.inserted_checked_in_at) {
    return {
      ok: true,
      status: "checked_in",
      ticket,
      checkedInAt: row.inserted_checked_in_at,
      checkedInById: staffUserId,
    };
  }
  if (
    nonce &&
    row.existing_nonce === nonce &&
    row.existing_checked_in_at &&
    row.existing_checked_in_by_id !== null
  ) {
    return {
      ok: true,
      status: "checked_in",
      ticket,
      checkedInAt: row.existing_checked_in_at,
      checkedInById: row.existing_checked_in_by_id,
    };
  }
  return (
    refusalOf(row, performanceId, now) ?? { ok: false, reason: "reservation_not_confirmed", ticket }
  );
}

export type ManualCheckInResult =
  | { ok: true; checkedInAt: Date }
  | { ok: false; reason: "not_found" | "reservation_not_confirmed" }
  | { ok: false; reason: "already_checked_in"; earlier: EarlierCheckIn };

/** An admin lets in a confirmed party without its QR (lost ticket); recorded as `manual`. */
export async function checkInManually({
  db,
  reservationId,
  staffUserId,
  now = new Date(),
}: {
  db: PrismaClient;
  reservationId: number;
  staffUserId: number;
  now?: Date;
}): Promise<ManualCheckInResult> {
  return db.$transaction(async (tx) => {
    const [reservation] = await tx.$queryRaw<{ status: string }[]>`
      SELECT status::text AS status FROM reservations WHERE id = ${reservationId} FOR UPDATE`;
    if (!reservation) return { ok: false, reason: "not_found" } as const;
    const existing = await tx.checkIn.findUnique({
      where: { reservationId },
      select: { checkedInAt: true, checkedInBy: { select: { name: true } } },
    });
    if (existing)
      return {
        ok: false,
        reason: "already_checked_in",
        earlier: { checkedInAt: existing.checkedInAt, checkedInByName: existing.checkedInBy.name },
      } as const;
    if (reservation.status !== "confirmed")
      return { ok: false, reason: "reservation_not_confirmed" } as const;
    const created = await tx.checkIn.create({
      data: { reservationId, checkedInById: staffUserId, source: "manual", checkedInAt: now },
    });
    return { ok: true, checkedInAt: created.checkedInAt } as const;
  });
}
