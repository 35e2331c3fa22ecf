import { unexpectedAnswers, verdict, type Verdict } from "@/bench/checks";
import { createBenchPerformance, type Sql } from "@/bench/fixtures";
import { drive, summarize, type LatencySummary } from "@/bench/load";
import { warmUp } from "@/bench/warm-up";

export type BookResult = {
  latency: LatencySummary;
  statuses: Record<number, number>;
  verdict: Verdict;
};

const bookingBody = (n: number) => ({
  name: `Visitatore ${n}`,
  email: `bench-book-${n}@example.org`,
  phone: "+39 06 0000000",
  party_size: 2,
  notes: "",
});

/**
 * book: `amount` reservations created through the JSON endpoint. Each one is a pending
 * reservation, a confirmation token and a queued confirmation email, which the runner in
 * the server delivers (the file transport); the check waits for every one of them.
 */
export async function runBook({
  baseUrl,
  sql,
  amount,
  connections,
}: {
  baseUrl: string;
  sql: Sql;
  amount: number;
  connections: number;
}): Promise<BookResult> {
  // Pending reservations hold no seats, so one room of 100 seats takes any number of them.
  const { performanceId } = await createBenchPerformance(sql, {
    label: "book",
    capacity: 100,
    published: true,
  });
  const path = `/api/performances/${performanceId}/reservations`;
  await warmUp(baseUrl, { method: "POST", path, body: {} });

  let next = 0;
  let emailsQueued = 0;
  const load = await drive({
    baseUrl,
    connections,
    amount,
    initialContext: {},
    steps: [
      {
        name: "book",
        request: () => ({ method: "POST", path, body: bookingBody((next += 1)) }),
        onResponse: (status, body) => {
          if (
            status === 201 &&
            (JSON.parse(body) as { email_queued?: boolean }).email_queued === true
          )
            emailsQueued += 1;
        },
      },
    ],
  });

  const { statuses, latenciesMs } = load.steps.book;
  const created = statuses[201] ?? 0;
  const { rows } = await sql.query<{ pending: number }>(
    `SELECT COUNT(*)::int AS pending FROM reservations WHERE performance_id = $1 AND status = 'pending'`,
    [performanceId],
  );
  const problems = unexpectedAnswers("book", statuses, [201], load.errors);
  if (rows[0].pending !== created)
    problems.push(
      `the server created ${created} reservations but the database holds ${rows[0].pending}`,
    );
  if (emailsQueued !== created)
    problems.push(`${created - emailsQueued} confirmation emails were not queued`);
  const emailsSent = await waitForConfirmationEmails(sql, performanceId, created);
  if (emailsSent !== created)
    problems.push(`${created - emailsSent} confirmation emails were not delivered`);
  return {
    latency: summarize(latenciesMs, load.wallMs),
    statuses,
    verdict: verdict(`${created} booked, ${emailsSent} emails delivered`, problems),
  };
}

/** Confirmation emails of the performance's reservations delivered, waiting up to a minute for the queue. */
async function waitForConfirmationEmails(
  sql: Sql,
  performanceId: number,
  expected: number,
): Promise<number> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    const { rows } = await sql.query<{ sent: number }>(
      `SELECT count(*)::int AS sent FROM email_deliveries d JOIN reservations r ON r.id = d.reservation_id
       WHERE r.performance_id = $1 AND d.kind = 'confirmation' AND d.status = 'sent'`,
      [performanceId],
    );
    if (rows[0].sent >= expected || Date.now() > deadline) return rows[0].sent;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
