// The soak's invariants, read from the database and from what the clients saw. A soak
// that runs fast but overbooks, admits a seat twice or answers 500 has failed: these decide.
import type pg from "pg";

export type Violation = { invariant: string; detail: string };

/**
 * Capacity: never more seats confirmed plus held by running waiting-list offers than the
 * room (checked at sampled moments and at the end), read in one statement from
 * performance_availability, the view every capacity check of the app reads.
 */
export async function overbookedPerformances(sql: pg.Pool | pg.Client): Promise<Violation[]> {
  const { rows } = await sql.query<{
    id: number;
    capacity: number;
    confirmed: number;
    held: number;
  }>(
    `SELECT performance_id AS id, capacity, confirmed_seats AS confirmed, held_seats AS held
       FROM performance_availability
      WHERE confirmed_seats + held_seats > capacity AND confirmed_seats + held_seats > 0`,
  );
  return rows.map((row) => ({
    invariant: "capacity",
    detail: `OVERBOOKED: performance ${row.id} has ${row.confirmed} seats confirmed${row.held > 0 ? ` and ${row.held} held by offers` : ""} for ${row.capacity}`,
  }));
}

/**
 * Admission: every seat admitted at most once (admissions standing ≤ party), only for a
 * confirmed party, and the `check_ins` summary agrees with the admissions.
 */
export async function admissionViolations(sql: pg.Pool | pg.Client): Promise<Violation[]> {
  const { rows } = await sql.query<{
    id: number;
    status: string;
    party_size: number;
    standing: number;
    summary: number | null;
  }>(
    `SELECT r.id, r.status::text AS status, r.party_size,
            COALESCE(sum(a.seats) FILTER (WHERE a.undone_at IS NULL), 0)::int AS standing,
            c.seats AS summary
       FROM reservations r
       JOIN check_in_admissions a ON a.reservation_id = r.id
       LEFT JOIN check_ins c ON c.reservation_id = r.id
      GROUP BY r.id, c.seats`,
  );
  const violations: Violation[] = [];
  for (const row of rows) {
    if (row.standing > row.party_size)
      violations.push({
        invariant: "admission",
        detail: `DUPLICATE CHECK-INS: reservation ${row.id} has ${row.standing} seats admitted for a party of ${row.party_size}`,
      });
    // Cancelling after an undo is allowed: only seats still admitted count.
    if (row.status !== "confirmed" && row.standing > 0)
      violations.push({
        invariant: "admission",
        detail: `reservation ${row.id} is ${row.status} but has admissions`,
      });
    if (row.summary !== null && row.summary !== row.standing)
      violations.push({
        invariant: "admission",
        detail: `reservation ${row.id}: check_ins says ${row.summary} seats in, admissions ${row.standing}`,
      });
  }
  return violations;
}

/**
 * Ticket email: every confirmed reservation has exactly one ticket email per ticket
 * issued — one at its confirmation (a visitor's link, an accepted waiting-list offer, a
 * box-office booking, which the soak always emails) and one per move to another
 * performance with "email a new ticket" (counted from the audit log) — and the newest
 * was sent (the caller waits for the queue to drain first); an older one replaced before
 * it went out is skipped. A party that cancelled may have its newest skipped too. A
 * reservation never confirmed has none. `mailedTickets` counts the ticket messages found
 * in the mailbox per reservation.
 */
export async function ticketEmailViolations(
  sql: pg.Pool | pg.Client,
  mailedTickets: Map<number, number>,
): Promise<Violation[]> {
  const { rows } = await sql.query<{
    id: number;
    status: string;
    confirmed: boolean;
    cancelled: boolean;
    tickets: number;
    sent: number;
    skipped: number;
    newest: string | null;
    moves: number;
  }>(
    `SELECT r.id, r.status::text AS status, r.confirmed_at IS NOT NULL AS confirmed,
            r.cancelled_at IS NOT NULL AS cancelled,
            count(e.id) FILTER (WHERE e.kind = 'ticket')::int AS tickets,
            count(e.id) FILTER (WHERE e.kind = 'ticket' AND e.status = 'sent')::int AS sent,
            count(e.id) FILTER (WHERE e.kind = 'ticket' AND e.status = 'skipped')::int AS skipped,
            (array_agg(e.status::text ORDER BY e.id DESC) FILTER (WHERE e.kind = 'ticket'))[1] AS newest,
            (SELECT count(*) FROM audit_entries a
              WHERE a.entity_type = 'reservation' AND a.entity_id = r.id
                AND a.action = 'reservation.move' AND a.summary LIKE '%new ticket emailed%')::int AS moves
       FROM reservations r LEFT JOIN email_deliveries e ON e.reservation_id = r.id
      GROUP BY r.id`,
  );
  const violations: Violation[] = [];
  for (const row of rows) {
    const mailed = mailedTickets.get(row.id) ?? 0;
    const expected = 1 + row.moves;
    // Every ticket email was sent or skipped, each sent one is in the mailbox. A skipped one
    // may be there once too: an attempt delivered it but could not record that (the database
    // went away), and the retry found the ticket replaced or revoked (README, The soak: the
    // one limit).
    const accounted =
      row.tickets === expected &&
      row.sent + row.skipped === expected &&
      mailed >= row.sent &&
      mailed <= expected;
    const delivered = accounted && (row.cancelled || row.newest === "sent");
    if (row.confirmed && !delivered)
      violations.push({
        invariant: "ticket email",
        detail: `confirmed reservation ${row.id}: ${row.tickets} ticket emails queued, ${row.sent} sent, ${mailed} in the mailbox (${expected} expected${row.moves > 0 ? `, moved ${row.moves} times with a new ticket` : ""}, the newest sent)`,
      });
    if (!row.confirmed && (row.tickets > 0 || mailed > 0))
      violations.push({
        invariant: "ticket email",
        detail: `reservation ${row.id} was never confirmed but has ${Math.max(row.tickets, mailed)} ticket emails`,
      });
  }
  return violations;
}

/** A message of the file mailbox: its delivery (from the file name) and when it was written. */
export type MailedMessage = { deliveryId: number; writtenAt: number };

/**
 * Emails, all kinds (links, tickets, cancellation notices), after the queue drained —
 * mail outages included: every email was delivered (`sent`) or deliberately not
 * (`skipped`: its link was replaced, used or revoked first), none is still waiting or
 * failed; each sent one is in the mailbox exactly once, none twice; no message
 * without a delivery; a cancelled party got exactly one notice, and nothing else written
 * after the visitor was told it was cancelled (`cancelledSeenAt`: reservation id → when
 * the answer arrived; the row's cancelled_at is taken before the locks are, so it may
 * precede the commit).
 */
export async function emailViolations(
  sql: pg.Pool | pg.Client,
  mailed: MailedMessage[],
  cancelledSeenAt: Map<number, number> = new Map(),
): Promise<Violation[]> {
  const { rows } = await sql.query<{
    id: number;
    reservation_id: number;
    kind: string;
    status: string;
  }>(
    `SELECT e.id, e.reservation_id, e.kind::text AS kind, e.status::text AS status
       FROM email_deliveries e`,
  );
  const files = new Map<number, MailedMessage[]>();
  for (const message of mailed)
    files.set(message.deliveryId, [...(files.get(message.deliveryId) ?? []), message]);
  const violations: Violation[] = [];
  const notices = new Map<number, number>();
  for (const row of rows) {
    const copies = files.get(row.id) ?? [];
    files.delete(row.id);
    if (row.kind === "cancellation")
      notices.set(row.reservation_id, (notices.get(row.reservation_id) ?? 0) + 1);
    if (row.status !== "sent" && row.status !== "skipped")
      violations.push({
        invariant: "emails",
        detail: `${row.kind} email ${row.id} is ${row.status} after the queue drained`,
      });
    // A skipped email may be in the mailbox once: an attempt delivered it but could not
    // record that (the database went away), and the retry found its link no longer live.
    const allowed = row.status === "sent" ? [1] : row.status === "skipped" ? [0, 1] : [0];
    if (!allowed.includes(copies.length))
      violations.push({
        invariant: "emails",
        detail: `${row.kind} email ${row.id} (${row.status}) is in the mailbox ${copies.length} times (${allowed.join(" or ")} expected)`,
      });
    const after = cancelledSeenAt.get(row.reservation_id);
    const late = after === undefined ? [] : copies.filter((m) => m.writtenAt > after);
    if (row.kind !== "cancellation" && late.length > 0)
      violations.push({
        invariant: "emails",
        detail: `${row.kind} email ${row.id} reached a cancelled party ${Math.round(late[0].writtenAt - after!)} ms after its cancellation`,
      });
  }
  for (const [deliveryId, copies] of files)
    violations.push({
      invariant: "emails",
      detail: `${copies.length} mailbox messages for email ${deliveryId}, which no delivery records`,
    });
  const { rows: cancelled } = await sql.query<{ id: number }>(
    `SELECT id FROM reservations WHERE cancelled_at IS NOT NULL`,
  );
  for (const { id } of cancelled)
    if ((notices.get(id) ?? 0) !== 1)
      violations.push({
        invariant: "emails",
        detail: `cancelled reservation ${id} has ${notices.get(id) ?? 0} cancellation notices (exactly 1 expected)`,
      });
  return violations;
}

export type Answer = {
  kind: string;
  instance: string;
  status: number;
  retryAfter: string | null;
  at: number;
  ms: number;
};
export type FaultWindow = { fault: string; from: number; to: number };

/** Grace after a fault's end: connections and the runner come back within it. */
export const FAULT_GRACE_MS = 8000;

/** No 5xx outside the fault windows; inside them only 503 with Retry-After. Network errors count as 5xx. */
export function answerViolations(answers: Answer[], windows: FaultWindow[]): Violation[] {
  const violations: Violation[] = [];
  for (const answer of answers) {
    if (answer.status < 500 && answer.status !== 0) continue;
    const inWindow = windows.some(
      (window) => answer.at >= window.from - 1000 && answer.at <= window.to + FAULT_GRACE_MS,
    );
    if (!inWindow)
      violations.push({
        invariant: "no 5xx",
        detail: `${answer.kind} on ${answer.instance} answered ${answer.status || "no response"} outside any fault window`,
      });
    else if (answer.status !== 503 || !answer.retryAfter) {
      // A connection cut by a SIGKILL is what a proxy retries on another instance: any
      // request to the killed instance in flight when it died, or sent while it restarted.
      const killed = windows.some(
        (window) =>
          window.fault.startsWith("sigkill") &&
          window.fault.endsWith(` ${answer.instance}`) &&
          answer.status === 0 &&
          answer.at + answer.ms >= window.from - 1000 &&
          answer.at <= window.to + FAULT_GRACE_MS,
      );
      if (!killed)
        violations.push({
          invariant: "503 in faults",
          detail: `${answer.kind} on ${answer.instance} answered ${answer.status || "no response"}${answer.retryAfter ? "" : " without Retry-After"} during a fault`,
        });
    }
  }
  return violations;
}

/** The counters the operator sees (GET /api/metrics) equal a recount from the raw tables. */
export async function counterViolations(
  sql: pg.Pool | pg.Client,
  metricsText: string,
): Promise<Violation[]> {
  const { rows } = await sql.query<Record<string, number>>(
    `SELECT (SELECT count(*) FROM reservations)::int AS azionelab_bookings_total,
            (SELECT count(*) FROM reservations WHERE confirmed_at IS NOT NULL)::int AS azionelab_confirmations_total,
            (SELECT count(*) FROM reservations WHERE cancelled_at IS NOT NULL)::int AS azionelab_cancellations_total,
            (SELECT count(*) FROM check_in_admissions)::int AS azionelab_check_in_admissions_total,
            (SELECT count(*) FROM check_in_admissions WHERE undone_at IS NOT NULL)::int AS azionelab_check_in_undos_total`,
  );
  const violations: Violation[] = [];
  for (const [name, expected] of Object.entries(rows[0])) {
    const match = new RegExp(`^${name} (\\d+)$`, "m").exec(metricsText);
    const shown = match ? Number(match[1]) : null;
    if (shown !== expected)
      violations.push({
        invariant: "counters",
        detail: `${name} shows ${shown ?? "nothing"}, the tables hold ${expected}`,
      });
  }
  return violations;
}
