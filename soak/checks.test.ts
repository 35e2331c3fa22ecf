// The control of the soak's checker: handed a database where the performance lock was
// bypassed (more seats confirmed than the room) and a ticket admitted twice, and answers
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
    const { rows } = await sql.query<{ id: number }>(
      "SELECT id FROM reservations WHERE performance_id = $1 ORDER BY id",
      [performanceId],
    );
    const [twice, cancelled] = rows.map((row) => row.id);
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
    const [{ id }] = (
      await sql.query<{ id: number }>("SELECT id FROM reservations WHERE performance_id = $1", [
        performanceId,
      ])
    ).rows;
    const missing = await ticketEmailViolations(sql, new Map());
    expect(missing.map((violation) => violation.detail)).toContain(
      `confirmed reservation ${id}: 0 ticket emails queued, 0 sent, 0 in the mailbox (exactly 1 expected)`,
    );
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
});
