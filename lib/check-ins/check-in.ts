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

// Reservation id, ticket token hash, booking code, the door's performance (all but one of
// the first three null): the arguments of the database functions `door_ticket` and
// `door_check_in`, which resolve them (migration 20261203020000_hot_paths_in_one_round_trip).
function targetParams(target: CheckInTarget): TargetParams {
  if ("token" in target) return [null, hashToken(target.token), null, null];
  if ("code" in target) return [null, null, target.code, target.performanceId];
  return [target.reservationId, null, null, null];
}

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
  const [reservation, ticketHash, code, doorPerformance] = targetParams(target);
  const rows = await db.$queryRaw<TicketRow[]>`
    SELECT * FROM door_ticket(${reservation}::int, ${ticketHash}::text, ${code}::text,
                              ${doorPerformance}::int)`;
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

type AdmissionRow = TicketRow & {
  retried_id: number | null;
  retried_at: Date | null;
  retried_by_id: number | null;
  retried_seats: number | null;
  admission_id: number | null;
  admitted_seats: number | null;
  outside_window: boolean | null;
};

/**
 * Records the entrance of a party, or part of it: the one check-in use case for a
 * scanned ticket (`qr_scan`), a pasted ticket link (`link`), a typed booking code
 * (`code`), a name-search result (`search`), and a reservation let in by hand (`manual`,
 * `admin`). The same rules hold for all: confirmed, the ticket's window open, the right
 * performance, each seat once; at the door also the doors-open window unless overridden.
 *
 * `seats`: how many of the party come in now (default: all still outside). One round
 * trip, the database function `door_check_in`: the reservation row is locked first (a
 * cancellation, another scan of the same ticket or another partial admission waits),
 * then it is read again and the admission inserted, so the seats admitted never exceed
 * the party. A retry carrying the `nonce` of the request that succeeded gets that
 * success again. The function admits exactly when `refusalOf` finds nothing to refuse,
 * and returns the row it decided on, from which the refusal is named here. Admissions by
 * hand and overrides of the doors-open window are audited in the same transaction (then
 * a transaction of two statements).
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
  const [reservation, ticketHash, code, doorPerformance] = targetParams(target);
  const admit = async (tx: Db) => {
    const rows = await tx.$queryRaw<AdmissionRow[]>`
      SELECT * FROM door_check_in(
        ${reservation}::int, ${ticketHash}::text, ${code}::text, ${doorPerformance}::int,
        ${performanceId ?? null}::int, ${now}::timestamptz,
        ${window ? window.doorsOpenMinutesBefore : null}::int, ${!!window?.override},
        ${seats ?? null}::int, ${source}::check_in_source, ${staff.id}::int,
        ${nonce || null}::text, ${lock})`;
    return rows[0];
  };
  // Only an admission that must be audited needs a transaction of more than one statement.
  const audited = AUDITED_SOURCES.has(source) || !!window?.override;
  const row = audited
    ? await db.$transaction(async (tx) => {
        const admitted = await admit(tx);
        if (
          admitted?.admission_id != null &&
          (AUDITED_SOURCES.has(source) || admitted.outside_window)
        )
          await writeAudit(tx, staff, {
            action: "reservation.check_in",
            entityType: "reservation",
            entityId: admitted.reservation_id,
            summary: `${source}: ${admitted.admitted_seats} of ${admitted.party_size}${admitted.outside_window ? ", before the doors opened (override)" : ""}`,
          });
        return admitted;
      })
    : await admit(db);
  return checkInResult(row, { staff, performanceId, window, seats, now });
}

/** The answer for the row `door_check_in` returned (undefined: no such reservation). */
function checkInResult(
  row: AdmissionRow | undefined,
  {
    staff,
    performanceId,
    window,
    seats,
    now,
  }: { staff: Actor; performanceId?: number; window?: DoorWindow; seats?: number; now: Date },
): ConfirmCheckInResult {
  if (!row) return { ok: false, reason: "token_not_found" };
  const ticket = ticketOf(row);
  if (row.retried_id !== null)
    return {
      ok: true,
      status: "checked_in",
      ticket,
      checkedInAt: row.retried_at!,
      checkedInById: row.retried_by_id!,
      admission: { id: row.retried_id, seats: row.retried_seats! },
    };
  if (row.admission_id !== null)
    return {
      ok: true,
      status: "checked_in",
      ticket: {
        ...ticket,
        seatsIn: row.seats_in + row.admitted_seats!,
        lastAdmission: { id: row.admission_id, at: now },
      },
      checkedInAt: now,
      checkedInById: staff.id,
      admission: { id: row.admission_id, seats: row.admitted_seats! },
    };
  const refusal = refusalOf(row, performanceId, now, window);
  if (refusal) return refusal;
  const seatsLeft = row.party_size - row.seats_in;
  if (seats !== undefined && seats > seatsLeft)
    return { ok: false, reason: "seats_unavailable", ticket, seatsLeft };
  throw new Error(
    `door_check_in admitted nothing for reservation ${row.reservation_id} without a reason`,
  );
}
