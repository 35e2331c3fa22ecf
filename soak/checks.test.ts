// The control of the soak's checker: handed a database where the performance lock was
// bypassed (more seats confirmed, or confirmed and held by waiting-list offers, than the
// room), a ticket admitted twice, a moved party without its new ticket email, and answers
// that a broken server would give, it must report each of them — and nothing on a clean run.
import { afterAll, describe, expect, it } from "vitest";
import { createBenchPerformance, createStaffUser, insertConfirmedTickets } from "@/bench/fixtures";
import {
  admissionViolations,
  answerViolations,
  overbookedPerformances,
  ticketEmailViolations,
} from "@/soak/checks";
import { openSql } from "@/soak/cluster";

const sql = openSql(process.env.DATABASE_URL!);
afterAll(() => sql.end());

/** The ids of a performance's reservations, oldest first. */
async function reservationIds(performanceId: number): Promise<number[]> {
  const { rows } = await sql.query<{ id: number }>(
    "SELECT id FROM reservations WHERE performance_id = $1 ORDER BY id",
    [performanceId],
  );
  return rows.map((row) => row.id);
}

describe("the soak's checker", () => {
  it("finds nothing wrong in a consistent database", async () => {
    const { performanceId } = await createBenchPerformance(sql, { label: "clean", capacity: 5 });
    await insertConfirmedTickets(sql, performanceId, 5);
    expect(await overbookedPerformances(sql)).toEqual([]);
    expect(await admissionViolations(sql)).toEqual([]);
  });

  it("reports an overbooking, as confirming without the performance lock produces", async () => {
    const { performanceId } = await createBenchPerformance(sql, { label: "over", capacity: 3 });
    await insertConfirmedTickets(sql, performanceId, 4);
    const found = await overbookedPerformances(sql);
    expect(found).toEqual([
      {
        invariant: "capacity",
        detail: `OVERBOOKED: performance ${performanceId} has 4 seats confirmed for 3`,
      },
    ]);
  });

  it("reports a seat admitted twice and an admission of an unconfirmed party", async () => {
    const { performanceId } = await createBenchPerformance(sql, { label: "twice", capacity: 5 });
    await insertConfirmedTickets(sql, performanceId, 2);
    const staff = await createStaffUser(sql);
    const [twice, cancelled] = await reservationIds(performanceId);
    // What a door without the reservation lock and the unique nonce lets through.
    await sql.query(
      `INSERT INTO check_in_admissions (reservation_id, seats, source, admitted_by_id)
       VALUES ($1, 1, 'qr_scan', $3), ($1, 1, 'qr_scan', $3), ($2, 1, 'qr_scan', $3)`,
      [twice, cancelled, staff.userId],
    );
    await sql.query("UPDATE reservations SET status = 'cancelled' WHERE id = $1", [cancelled]);
    const details = (await admissionViolations(sql)).map((violation) => violation.detail);
    expect(details).toContain(
      `DUPLICATE CHECK-INS: reservation ${twice} has 2 seats admitted for a party of 1`,
    );
    expect(details).toContain(`reservation ${cancelled} is cancelled but has admissions`);
  });

  it("reports a confirmed party without its ticket email, or with two", async () => {
    const { performanceId } = await createBenchPerformance(sql, { label: "mail", capacity: 5 });
    await insertConfirmedTickets(sql, performanceId, 1);
    const [id] = await reservationIds(performanceId);
    const missing = await ticketEmailViolations(sql, new Map());
    expect(missing.map((violation) => violation.detail)).toContain(
      `confirmed reservation ${id}: 0 ticket emails queued, 0 sent, 0 in the mailbox (1 expected, the newest sent)`,
    );
  });

  it("counts the seats held by waiting-list offers as taken", async () => {
    const { performanceId } = await createBenchPerformance(sql, { label: "held", capacity: 3 });
    await insertConfirmedTickets(sql, performanceId, 2);
    const offer = (partySize: number) =>
      sql.query(
        `INSERT INTO waitlist_entries (performance_id, status, name, email, party_size, queued_at, offered_at, offer_expires_at)
         VALUES ($1, 'offered', 'Held', 'held@example.org', $2, now(), now(), now() + interval '1 hour')`,
        [performanceId, partySize],
      );
    // The database is shared with the other cases (one is overbooked on purpose).
    const of = async () =>
      (await overbookedPerformances(sql)).filter((violation) =>
        violation.detail.includes(`performance ${performanceId} `),
      );
    await offer(1);
    expect(await of()).toEqual([]);
    // What an offer made without the performance lock, beside a confirmation, leaves.
    await offer(1);
    expect(await of()).toEqual([
      {
        invariant: "capacity",
        detail: `OVERBOOKED: performance ${performanceId} has 2 seats confirmed and 2 held by offers for 3`,
      },
    ]);
  });

  it("expects a new ticket email for each move that said to send one", async () => {
    const { performanceId } = await createBenchPerformance(sql, { label: "moved", capacity: 5 });
    await insertConfirmedTickets(sql, performanceId, 1);
    const [id] = await reservationIds(performanceId);
    await sql.query(
      `INSERT INTO email_deliveries (reservation_id, kind, status, sent_at) VALUES ($1, 'ticket', 'sent', now())`,
      [id],
    );
    const of = async (mailed: number) =>
      (await ticketEmailViolations(sql, new Map([[id, mailed]]))).filter((violation) =>
        violation.detail.startsWith(`confirmed reservation ${id}:`),
      );
    expect(await of(1)).toEqual([]);
    // Moved with "email a new ticket", but the move queued none.
    await sql.query(
      `INSERT INTO audit_entries (actor_email, action, entity_type, entity_id, summary)
       VALUES ('admin@example.org', 'reservation.move', 'reservation', $1, 'performance 1 → 2, 1 seats, new ticket emailed')`,
      [id],
    );
    expect((await of(1)).map((violation) => violation.detail)).toEqual([
      `confirmed reservation ${id}: 1 ticket emails queued, 1 sent, 1 in the mailbox (2 expected, moved 1 times with a new ticket, the newest sent)`,
    ]);
    // The new ticket sent, the first one replaced before it went out: sound.
    await sql.query(
      `UPDATE email_deliveries SET status = 'skipped', sent_at = NULL WHERE reservation_id = $1`,
      [id],
    );
    await sql.query(
      `INSERT INTO email_deliveries (reservation_id, kind, status, sent_at) VALUES ($1, 'ticket', 'sent', now())`,
      [id],
    );
    expect(await of(1)).toEqual([]);
  });

  it("reports a 500 anywhere, and a 503 without Retry-After or outside a fault", () => {
    const windows = [{ fault: "pg-restart", from: 10_000, to: 15_000 }];
    const answer = (status: number, at: number, retryAfter: string | null = null) => ({
      kind: "confirm",
      instance: "a",
      status,
      retryAfter,
      at,
      ms: 1,
    });
    expect(answerViolations([answer(200, 1000), answer(503, 12_000, "5")], windows)).toEqual([]);
    const found = answerViolations(
      [answer(500, 1000), answer(503, 1000, "5"), answer(500, 12_000), answer(503, 12_000)],
      windows,
    );
    expect(found.map((violation) => violation.invariant)).toEqual([
      "no 5xx",
      "no 5xx",
      "503 in faults",
      "503 in faults",
    ]);
  });

  it("excuses no answer only from the instance killed, for a request in flight when it died", () => {
    const windows = [
      { fault: "slow-db", from: 9_000, to: 14_000 },
      { fault: "sigkill b", from: 12_000, to: 15_000 },
    ];
    const cut = (instance: string, at: number, ms: number) => ({
      kind: "waitlist confirm",
      instance,
      status: 0,
      retryAfter: null,
      at,
      ms,
    });
    // Sent during the slow database, cut 3 s later by the SIGKILL of its instance.
    expect(answerViolations([cut("b", 10_000, 3_000)], windows)).toEqual([]);
    // The other instance was not killed: its request had no business going unanswered.
    expect(answerViolations([cut("a", 10_000, 3_000)], windows)).toEqual([
      {
        invariant: "503 in faults",
        detail: "waitlist confirm on a answered no response without Retry-After during a fault",
      },
    ]);
  });
});
