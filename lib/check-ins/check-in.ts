import type { Db, PrismaClient } from "@/lib/db";
import { writeAudit, type Actor } from "@/lib/audit/audit-log";
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

/**
 * Who is let in: the holder of a ticket token (scanned or pasted), or a reservation
 * picked by staff without its QR (lost phone). Both go through the same rules.
 */
export type CheckInTarget = { token: string } | { reservationId: number };

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
  reservation_id: number;
  status: string;
  party_size: number;
  performance_id: number;
  starts_at: Date;
  show_title: string;
  /** When the ticket stops working; null when the reservation has no live ticket token. */
  ticket_expires_at: Date | null;
  existing_checked_in_at: Date | null;
  existing_checked_in_by_id: number | null;
  existing_checked_in_by_name: string | null;
  existing_nonce: string | null;
};

function targetParams(target: CheckInTarget): [number | null, string | null] {
  return "token" in target ? [null, hashToken(target.token)] : [target.reservationId, null];
}

// $1: reservation id or null, $2: ticket token hash or null. A token opens only its own
// reservation; an id opens the reservation, whose ticket deadline is that of its live tickets.
const RESERVATION_ID = `COALESCE($1::int,
  (SELECT reservation_id FROM reservation_tokens WHERE token_hash = $2::text AND purpose = 'check_in'))`;

const TICKET_ROW = `
  SELECT r.id AS reservation_id, r.status::text AS status, r.party_size, r.performance_id,
         p.starts_at, s.title AS show_title, t.expires_at AS ticket_expires_at,
         c.checked_in_at AS existing_checked_in_at, c.checked_in_by_id AS existing_checked_in_by_id,
         u.name AS existing_checked_in_by_name, c.nonce AS existing_nonce
  FROM reservations r
  JOIN performances p ON p.id = r.performance_id
  JOIN shows s ON s.id = p.show_id
  LEFT JOIN LATERAL (
    SELECT max(k.expires_at) AS expires_at FROM reservation_tokens k
    WHERE k.reservation_id = r.id AND k.purpose = 'check_in' AND k.revoked_at IS NULL
      AND ($2::text IS NULL OR k.token_hash = $2::text)
  ) t ON true
  LEFT JOIN check_ins c ON c.reservation_id = r.id
  LEFT JOIN users u ON u.id = c.checked_in_by_id
  WHERE r.id = ${RESERVATION_ID}`;

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
  if (!row.ticket_expires_at || row.ticket_expires_at <= now)
    return { ok: false, reason: "token_expired", ticket };
  return null;
}

async function readTicket(db: Db, target: CheckInTarget): Promise<TicketRow | undefined> {
  const rows = await db.$queryRawUnsafe<TicketRow[]>(TICKET_ROW, ...targetParams(target));
  return rows[0];
}

/** Tells staff what confirming would do. Never writes. */
export async function previewCheckIn({
  db,
  target,
  performanceId,
  now = new Date(),
}: {
  db: Db;
  target: CheckInTarget;
  performanceId?: number;
  now?: Date;
}): Promise<PreviewCheckInResult> {
  const row = await readTicket(db, target);
  if (!row) return { ok: false, reason: "token_not_found" };
  return refusalOf(row, performanceId, now) ?? { ok: true, status: "valid", ticket: ticketOf(row) };
}

const AUDITED_SOURCES: ReadonlySet<CheckInSource> = new Set(["manual", "admin"]);

/**
 * Records the entrance of a party: the one check-in use case for a scanned or pasted
 * ticket (`qr_scan`), and for a reservation let in by hand at the door (`manual`) or
 * from /admin (`admin`). The same rules hold for all: confirmed, the ticket's window
 * open, the right performance, once.
 *
 * The reservation row is locked first (a cancellation or another scan of the same
 * ticket waits), then it is read again and the check-in inserted; the unique
 * reservation_id on check_ins makes a second check-in impossible even without the
 * lock. A retry carrying the `nonce` of the request that succeeded gets that success
 * again instead of "already checked in". A check-in by hand is audited in the same
 * transaction.
 */
export async function confirmCheckIn({
  db,
  target,
  staff,
  source,
  performanceId,
  nonce,
  now = new Date(),
}: {
  db: PrismaClient;
  target: CheckInTarget;
  staff: Actor;
  source: CheckInSource;
  performanceId?: number;
  nonce?: string;
  now?: Date;
}): Promise<ConfirmCheckInResult> {
  const [reservationIdParam, tokenHash] = targetParams(target);
  return db.$transaction(async (tx) => {
    const locked = await tx.$queryRawUnsafe<{ id: number }[]>(
      `SELECT id FROM reservations WHERE id = ${RESERVATION_ID} FOR UPDATE`,
      reservationIdParam,
      tokenHash,
    );
    if (locked.length === 0) return { ok: false, reason: "token_not_found" } as const;
    const row = (await readTicket(tx, target))!;
    const ticket = ticketOf(row);

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
      } as const;
    }
    const refusal = refusalOf(row, performanceId, now);
    if (refusal) return refusal;

    await tx.checkIn.create({
      data: {
        reservationId: row.reservation_id,
        checkedInAt: now,
        checkedInById: staff.id,
        source,
        nonce: nonce ?? null,
      },
    });
    if (tokenHash)
      await tx.reservationToken.update({ where: { tokenHash }, data: { usedAt: now } });
    if (AUDITED_SOURCES.has(source))
      await writeAudit(tx, staff, {
        action: "reservation.check_in",
        entityType: "reservation",
        entityId: row.reservation_id,
        summary: source,
      });
    return { ok: true, status: "checked_in", ticket, checkedInAt: now, checkedInById: staff.id };
  });
}
