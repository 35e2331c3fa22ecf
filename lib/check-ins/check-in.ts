import type { Db, PrismaClient } from "@/lib/db";
import { writeAudit, type Actor } from "@/lib/audit/audit-log";
import { needsAccessibleSeating } from "@/lib/check-ins/accessibility";
import type { CheckInSource } from "@/lib/generated/prisma/enums";
import { hashToken } from "@/lib/tokens";

/**
 * What the door sees of a reservation: enough to greet the party and seat them (name,
 * notes, an accessibility flag), never the email or phone.
 */
export type TicketSummary = {
  reservationId: number;
  performanceId: number;
  showTitle: string;
  startsAt: Date;
  partySize: number;
  /** Seats of the party already through the door (partial admission). */
  seatsIn: number;
  bookingCode: string;
  name: string;
  notes: string;
  accessibility: boolean;
  /** pending | confirmed | cancelled | expired: the refusal names which. */
  reservationStatus: string;
  /** The latest admission still standing, so the door can offer to undo it. */
  lastAdmission: { id: number; at: Date } | null;
};

export type EarlierCheckIn = { checkedInAt: Date; checkedInByName: string };

/**
 * Who is let in: the holder of a ticket token (scanned or pasted), a reservation found
 * by its short booking code at the door's performance, or a reservation picked by staff
 * (name search, lost phone, /admin). All go through the same rules.
 */
export type CheckInTarget =
  { token: string } | { reservationId: number } | { code: string; performanceId: number };

export type CheckInRefusal =
  | { ok: false; reason: "token_not_found" }
  | {
      ok: false;
      reason:
        | "wrong_performance"
        | "reservation_not_confirmed"
        | "token_expired"
        /** The performance was called off (issue 18). */
        | "performance_cancelled";
      ticket: TicketSummary;
    }
  | { ok: false; reason: "already_checked_in"; ticket: TicketSummary; earlier: EarlierCheckIn }
  | { ok: false; reason: "doors_not_open"; ticket: TicketSummary; doorsOpenAt: Date }
  | { ok: false; reason: "seats_unavailable"; ticket: TicketSummary; seatsLeft: number };

/** The door's window, when the caller enforces one (the door does; /admin does not). */
export type DoorWindow = { doorsOpenMinutesBefore: number; override?: boolean };

export type PreviewCheckInResult =
  { ok: true; status: "valid"; ticket: TicketSummary; doorsOpenAt: Date | null } | CheckInRefusal;

export type ConfirmCheckInResult =
  | {
      ok: true;
      status: "checked_in";
      ticket: TicketSummary;
      checkedInAt: Date;
      checkedInById: number;
      admission: { id: number; seats: number };
    }
  | CheckInRefusal;

type TicketRow = {
  reservation_id: number;
  status: string;
  party_size: number;
  performance_id: number;
  starts_at: Date;
  show_title: string;
  booking_code: string;
  name: string;
  notes: string;
  performance_cancelled: boolean;
  /** When the ticket stops working; null when the reservation has no live ticket token. */
  ticket_expires_at: Date | null;
  seats_in: number;
  last_admission_id: number | null;
  last_admitted_at: Date | null;
  last_admitted_by_name: string | null;
};

type TargetParams = [number | null, string | null, string | null, number | null];

function targetParams(target: CheckInTarget): TargetParams {
  if ("token" in target) return [null, hashToken(target.token), null, null];
  if ("code" in target) return [null, null, target.code, target.performanceId];
  return [target.reservationId, null, null, null];
}

// $1: reservation id, $2: ticket token hash, $3: booking code, $4: the door's performance
// (all but one null). A token opens only its own reservation; a code is looked up at the
// door's performance first, then elsewhere (the soonest such performance) so that a code
// for another evening is answered "wrong performance", not "unknown".
const RESERVATION_ID = `COALESCE($1::int,
  (SELECT reservation_id FROM reservation_tokens WHERE token_hash = $2::text AND purpose = 'check_in'),
  (SELECT k.id FROM reservations k JOIN performances kp ON kp.id = k.performance_id
   WHERE $3::text IS NOT NULL AND k.booking_code = $3::text
   ORDER BY (k.performance_id = $4::int) DESC, kp.starts_at DESC LIMIT 1))`;

const TICKET_ROW = `
  SELECT r.id AS reservation_id, r.status::text AS status, r.party_size, r.performance_id,
         p.starts_at, s.title AS show_title, r.booking_code, r.name, r.notes,
         p.cancelled_at IS NOT NULL AS performance_cancelled,
         t.expires_at AS ticket_expires_at, COALESCE(c.seats, 0)::int AS seats_in,
         last.id AS last_admission_id, last.admitted_at AS last_admitted_at,
         last.name AS last_admitted_by_name
  FROM reservations r
  JOIN performances p ON p.id = r.performance_id
  JOIN shows s ON s.id = p.show_id
  LEFT JOIN LATERAL (
    SELECT max(k.expires_at) AS expires_at FROM reservation_tokens k
    WHERE k.reservation_id = r.id AND k.purpose = 'check_in' AND k.revoked_at IS NULL
      AND ($2::text IS NULL OR k.token_hash = $2::text)
  ) t ON true
  LEFT JOIN check_ins c ON c.reservation_id = r.id
  LEFT JOIN LATERAL (
    SELECT a.id, a.admitted_at, u.name FROM check_in_admissions a JOIN users u ON u.id = a.admitted_by_id
    WHERE a.reservation_id = r.id AND a.undone_at IS NULL
    ORDER BY a.admitted_at DESC, a.id DESC LIMIT 1
  ) last ON true
  WHERE r.id = ${RESERVATION_ID}`;

function ticketOf(row: TicketRow): TicketSummary {
  return {
    reservationId: row.reservation_id,
    performanceId: row.performance_id,
    showTitle: row.show_title,
    startsAt: row.starts_at,
    partySize: row.party_size,
    seatsIn: row.seats_in,
    bookingCode: row.booking_code,
    name: row.name,
    notes: row.notes,
    accessibility: needsAccessibleSeating(row.notes),
    reservationStatus: row.status,
    lastAdmission:
      row.last_admission_id !== null && row.last_admitted_at
        ? { id: row.last_admission_id, at: row.last_admitted_at }
        : null,
  };
}

function doorsOpenAt(startsAt: Date, window: DoorWindow): Date {
  return new Date(startsAt.getTime() - window.doorsOpenMinutesBefore * 60_000);
}

/**
 * The refusal for a ticket row, or null when (some of) the party can be admitted.
 * Order: what helps staff most first.
 */
function refusalOf(
  row: TicketRow,
  performanceId: number | undefined,
  now: Date,
  window: DoorWindow | undefined,
): CheckInRefusal | null {
  const ticket = ticketOf(row);
  if (performanceId !== undefined && row.performance_id !== performanceId)
    return { ok: false, reason: "wrong_performance", ticket };
  if (row.performance_cancelled) return { ok: false, reason: "performance_cancelled", ticket };
  if (row.seats_in >= row.party_size) {
    return {
      ok: false,
      reason: "already_checked_in",
      ticket,
      earlier: {
        checkedInAt: row.last_admitted_at ?? now,
        checkedInByName: row.last_admitted_by_name ?? "",
      },
    };
  }
  if (row.status !== "confirmed") return { ok: false, reason: "reservation_not_confirmed", ticket };
  if (!row.ticket_expires_at || row.ticket_expires_at <= now)
    return { ok: false, reason: "token_expired", ticket };
  if (window && !window.override && now < doorsOpenAt(row.starts_at, window))
    return {
      ok: false,
      reason: "doors_not_open",
      ticket,
      doorsOpenAt: doorsOpenAt(row.starts_at, window),
    };
  return null;
}

async function readTicket(db: Db, target: CheckInTarget): Promise<TicketRow | undefined> {
  const rows = await db.$queryRawUnsafe<TicketRow[]>(TICKET_ROW, ...targetParams(target));
  return rows[0];
}

/**
 * Tells staff what confirming would do. Never writes. Outside the doors-open window the
 * answer is still `valid` with `doorsOpenAt` set, so the door can offer the override.
 */
export async function previewCheckIn({
  db,
  target,
  performanceId,
  window,
  now = new Date(),
}: {
  db: Db;
  target: CheckInTarget;
  performanceId?: number;
  window?: DoorWindow;
  now?: Date;
}): Promise<PreviewCheckInResult> {
  const row = await readTicket(db, target);
  if (!row) return { ok: false, reason: "token_not_found" };
  const refusal = refusalOf(row, performanceId, now, window && { ...window, override: true });
  if (refusal) return refusal;
  const opensAt = window ? doorsOpenAt(row.starts_at, window) : null;
  return {
    ok: true,
    status: "valid",
    ticket: ticketOf(row),
    doorsOpenAt: opensAt && now < opensAt ? opensAt : null,
  };
}

type ConfirmCheckInArgs = {
  db: PrismaClient;
  target: CheckInTarget;
  staff: Actor;
  source: CheckInSource;
  performanceId?: number;
  nonce?: string;
  seats?: number;
  window?: DoorWindow;
  lock?: boolean;
  now?: Date;
};

// Admissions without the bearer token are audited: someone chose to let this party in.
const AUDITED_SOURCES: ReadonlySet<CheckInSource> = new Set(["manual", "admin", "code", "search"]);

/**
 * Records the entrance of a party, or part of it: the one check-in use case for a
 * scanned ticket (`qr_scan`), a pasted ticket link (`link`), a typed booking code
 * (`code`), a name-search result (`search`), and a reservation let in by hand (`manual`,
 * `admin`). The same rules hold for all: confirmed, the ticket's window open, the right
 * performance, each seat once; at the door also the doors-open window unless overridden.
 *
 * `seats`: how many of the party come in now (default: all still outside). The
 * reservation row is locked first (a cancellation, another scan of the same ticket or
 * another partial admission waits), then it is read again and the admission inserted,
 * so the seats admitted never exceed the party. A retry carrying the `nonce` of the
 * request that succeeded gets that success again. Admissions by hand and overrides of
 * the doors-open window are audited in the same transaction.
 *
 * `lock: false` exists only for the control run of the concurrency test, which shows
 * that without the lock the same party is over-admitted.
 */
export function confirmCheckIn(
  args: ConfirmCheckInArgs & { seats?: undefined; window?: undefined },
): Promise<Exclude<ConfirmCheckInResult, { reason: "doors_not_open" | "seats_unavailable" }>>;
export function confirmCheckIn(args: ConfirmCheckInArgs): Promise<ConfirmCheckInResult>;
export async function confirmCheckIn({
  db,
  target,
  staff,
  source,
  performanceId,
  nonce,
  seats,
  window,
  lock = true,
  now = new Date(),
}: ConfirmCheckInArgs): Promise<ConfirmCheckInResult> {
  const params = targetParams(target);
  return db.$transaction(async (tx) => {
    const locked = await tx.$queryRawUnsafe<{ id: number }[]>(
      `SELECT id FROM reservations WHERE id = ${RESERVATION_ID}${lock ? " FOR UPDATE" : ""}`,
      ...params,
    );
    if (locked.length === 0) return { ok: false, reason: "token_not_found" } as const;
    const row = (await readTicket(tx, target))!;

    if (nonce) {
      const retried = await tx.checkInAdmission.findFirst({
        where: { reservationId: row.reservation_id, nonce, undoneAt: null },
      });
      if (retried)
        return {
          ok: true,
          status: "checked_in",
          ticket: ticketOf(row),
          checkedInAt: retried.admittedAt,
          checkedInById: retried.admittedById,
          admission: { id: retried.id, seats: retried.seats },
        } as const;
    }
    const refusal = refusalOf(row, performanceId, now, window);
    if (refusal) return refusal;
    const seatsLeft = row.party_size - row.seats_in;
    const admitted = seats ?? seatsLeft;
    if (admitted > seatsLeft)
      return { ok: false, reason: "seats_unavailable", ticket: ticketOf(row), seatsLeft } as const;

    const outsideWindow = !!window && now < doorsOpenAt(row.starts_at, window);
    const admission = await tx.checkInAdmission.create({
      data: {
        reservationId: row.reservation_id,
        seats: admitted,
        source,
        admittedAt: now,
        admittedById: staff.id,
        outsideWindow,
        nonce: nonce ?? null,
      },
      select: { id: true },
    });
    await tx.$executeRaw`SELECT sync_check_in(${row.reservation_id}::int)`;
    const tokenHash = params[1];
    if (tokenHash)
      await tx.reservationToken.update({ where: { tokenHash }, data: { usedAt: now } });
    if (AUDITED_SOURCES.has(source) || outsideWindow)
      await writeAudit(tx, staff, {
        action: "reservation.check_in",
        entityType: "reservation",
        entityId: row.reservation_id,
        summary: `${source}: ${admitted} of ${row.party_size}${outsideWindow ? ", before the doors opened (override)" : ""}`,
      });
    return {
      ok: true,
      status: "checked_in",
      ticket: {
        ...ticketOf(row),
        seatsIn: row.seats_in + admitted,
        lastAdmission: { id: admission.id, at: now },
      },
      checkedInAt: now,
      checkedInById: staff.id,
      admission: { id: admission.id, seats: admitted },
    } as const;
  });
}
