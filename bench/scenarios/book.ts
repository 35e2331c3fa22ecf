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
 * reservation, a confirmation token and a confirmation email (the file transport).
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
  let emailsSent = 0;
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
          if (status === 201 && (JSON.parse(body) as { email_sent?: boolean }).email_sent === true)
            emailsSent += 1;
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
  if (emailsSent !== created)
    problems.push(`${created - emailsSent} confirmation emails were not sent`);
  return {
    latency: summarize(latenciesMs, load.wallMs),
    statuses,
    verdict: verdict(`${created} booked, ${emailsSent} emails`, problems),
  };
}
