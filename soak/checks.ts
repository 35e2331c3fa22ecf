// The soak's invariants, read from the database and from what the clients saw. A soak
// that runs fast but overbooks, admits a seat twice or answers 500 has failed: these decide.
import type pg from "pg";

export type Violation = { invariant: string; detail: string };

/** Capacity: never more seats confirmed than the room (checked at sampled moments and at the end). */
export async function overbookedPerformances(sql: pg.Pool | pg.Client): Promise<Violation[]> {
  const { rows } = await sql.query<{ id: number; capacity: number; confirmed: number }>(
    `SELECT p.id, (p.room_capacity + p.additional_seats - p.manually_occupied_seats)::int AS capacity,
            COALESCE(sum(r.party_size) FILTER (WHERE r.status = 'confirmed'), 0)::int AS confirmed
       FROM performances p LEFT JOIN reservations r ON r.performance_id = p.id
      GROUP BY p.id
     HAVING COALESCE(sum(r.party_size) FILTER (WHERE r.status = 'confirmed'), 0)
            > p.room_capacity + p.additional_seats - p.manually_occupied_seats
            AND COALESCE(sum(r.party_size) FILTER (WHERE r.status = 'confirmed'), 0) > 0`,
  );
  return rows.map((row) => ({
    invariant: "capacity",
    detail: `OVERBOOKED: performance ${row.id} has ${row.confirmed} seats confirmed for ${row.capacity}`,
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
    if (row.status !== "confirmed")
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
 * Email: every confirmed reservation has exactly one ticket email, and it was sent (the
 * caller waits for the queue to drain first); a reservation never confirmed has none.
 * `mailedTickets` counts the ticket messages found in the mailbox per reservation.
 */
export async function ticketEmailViolations(
  sql: pg.Pool | pg.Client,
  mailedTickets: Map<number, number>,
): Promise<Violation[]> {
  const { rows } = await sql.query<{
    id: number;
    status: string;
    confirmed: boolean;
    tickets: number;
    sent: number;
  }>(
    `SELECT r.id, r.status::text AS status, r.confirmed_at IS NOT NULL AS confirmed,
            count(e.id) FILTER (WHERE e.kind = 'ticket')::int AS tickets,
            count(e.id) FILTER (WHERE e.kind = 'ticket' AND e.status = 'sent')::int AS sent
       FROM reservations r LEFT JOIN email_deliveries e ON e.reservation_id = r.id
      GROUP BY r.id`,
  );
  const violations: Violation[] = [];
  for (const row of rows) {
    const mailed = mailedTickets.get(row.id) ?? 0;
    if (row.confirmed && (row.tickets !== 1 || row.sent !== 1 || mailed !== 1))
      violations.push({
        invariant: "ticket email",
        detail: `confirmed reservation ${row.id}: ${row.tickets} ticket emails queued, ${row.sent} sent, ${mailed} in the mailbox (exactly 1 expected)`,
      });
    if (!row.confirmed && (row.tickets > 0 || mailed > 0))
      violations.push({
        invariant: "ticket email",
        detail: `reservation ${row.id} was never confirmed but has ${Math.max(row.tickets, mailed)} ticket emails`,
      });
  }
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
      // A connection cut by a SIGKILL is what a proxy retries on another instance.
      const killed = windows.some(
        (window) =>
          window.fault.startsWith("sigkill") &&
          answer.status === 0 &&
          answer.at >= window.from - 1000 &&
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
