// The correctness checks of a run. A benchmark that goes fast by confirming too many
// seats or letting a party in twice has failed, whatever its numbers: these decide.
import type { Sql } from "@/bench/fixtures";

export type Verdict = { ok: boolean; summary: string; problems: string[] };

export function verdict(summary: string, problems: string[]): Verdict {
  return { ok: problems.length === 0, summary, problems };
}

export type ConfirmationCounts = {
  capacity: number;
  /** Seats asked for by all the reservations that raced. */
  demandSeats: number;
  confirmedSeats: number;
  confirmedReservations: number;
  /** 200 answers the server gave to confirmation requests. */
  okAnswers: number;
};

/**
 * A confirmation race with more demand than seats must fill the room exactly: more is
 * overbooking, fewer means refusals while seats were free. Every 200 the server gave
 * must match a confirmed row, or a visitor holds a ticket the database does not know.
 */
export function judgeConfirmations(counts: ConfirmationCounts): Verdict {
  const expected = Math.min(counts.capacity, counts.demandSeats);
  const problems: string[] = [];
  if (counts.confirmedSeats > counts.capacity) {
    problems.push(
      `OVERBOOKED: ${counts.confirmedSeats} seats confirmed for a capacity of ${counts.capacity}`,
    );
  } else if (counts.confirmedSeats !== expected) {
    problems.push(`${counts.confirmedSeats} seats confirmed where exactly ${expected} should be`);
  }
  if (counts.okAnswers !== counts.confirmedReservations) {
    problems.push(
      `the server confirmed ${counts.okAnswers} reservations but the database holds ${counts.confirmedReservations}`,
    );
  }
  return verdict(`${counts.confirmedSeats}/${expected} seats confirmed`, problems);
}

/** Judges a finished race of one-seat reservations against what the database holds. */
export async function checkConfirmationRace(
  sql: Sql,
  {
    performanceId,
    capacity,
    reservations,
    okAnswers,
  }: { performanceId: number; capacity: number; reservations: number; okAnswers: number },
): Promise<Verdict> {
  const { rows } = await sql.query<{ seats: number; reservations: number }>(
    `SELECT COALESCE(SUM(party_size), 0)::int AS seats, COUNT(*)::int AS reservations
     FROM reservations WHERE performance_id = $1 AND status = 'confirmed'`,
    [performanceId],
  );
  return judgeConfirmations({
    capacity,
    demandSeats: reservations,
    confirmedSeats: rows[0].seats,
    confirmedReservations: rows[0].reservations,
    okAnswers,
  });
}

export type CheckInCounts = {
  tickets: number;
  /** check_ins rows of the performance, and how many distinct reservations they name. */
  checkInRows: number;
  checkedInReservations: number;
  /** 200 answers to the timed confirm step. */
  okAnswers: number;
  /** 200 answers when already admitted tickets were presented again (new nonce): each is a second entry. */
  secondEntries: number;
};

/** Every ticket gets in exactly once; a second presentation is refused. */
export function judgeCheckIns(counts: CheckInCounts): Verdict {
  const problems: string[] = [];
  if (counts.checkInRows !== counts.checkedInReservations) {
    problems.push(
      `DUPLICATE CHECK-INS: ${counts.checkInRows} check-ins for ${counts.checkedInReservations} reservations`,
    );
  }
  if (counts.secondEntries > 0)
    problems.push(`DUPLICATE CHECK-INS: ${counts.secondEntries} tickets admitted a second time`);
  if (counts.okAnswers > counts.tickets)
    problems.push(
      `DUPLICATE CHECK-INS: ${counts.okAnswers} admissions for ${counts.tickets} tickets`,
    );
  if (counts.checkInRows !== counts.tickets)
    problems.push(
      `${counts.checkInRows} check-ins recorded where exactly ${counts.tickets} should be`,
    );
  if (counts.okAnswers !== counts.checkInRows)
    problems.push(
      `the server admitted ${counts.okAnswers} parties but the database recorded ${counts.checkInRows}`,
    );
  return verdict(
    `${counts.checkInRows}/${counts.tickets} checked in, ${counts.secondEntries} second entries`,
    problems,
  );
}

export async function checkInRows(
  sql: Sql,
  performanceId: number,
): Promise<{ rows: number; reservations: number }> {
  const { rows } = await sql.query<{ rows: number; reservations: number }>(
    `SELECT COUNT(*)::int AS rows, COUNT(DISTINCT c.reservation_id)::int AS reservations
     FROM check_ins c JOIN reservations r ON r.id = c.reservation_id WHERE r.performance_id = $1`,
    [performanceId],
  );
  return rows[0];
}

/** Problems for answers outside `expected` and for requests that got no answer at all. */
export function unexpectedAnswers(
  step: string,
  statuses: Record<number, number>,
  expected: number[],
  errors = 0,
): string[] {
  const problems = Object.entries(statuses)
    .filter(([status]) => !expected.includes(Number(status)))
    .map(([status, count]) => `${step}: ${count} unexpected ${status} answers`);
  if (errors > 0)
    problems.push(`${step}: ${errors} requests got no answer (connection error or timeout)`);
  return problems;
}

export function withProblems(base: Verdict, problems: string[]): Verdict {
  return verdict(base.summary, [...base.problems, ...problems]);
}
