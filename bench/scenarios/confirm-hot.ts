import {
  checkConfirmationRace,
  unexpectedAnswers,
  withProblems,
  type Verdict,
} from "@/bench/checks";
import { createBenchPerformance, insertPendingReservations, type Sql } from "@/bench/fixtures";
import { drive, summarize, type LatencySummary } from "@/bench/load";
import { warmUp } from "@/bench/warm-up";

export type RaceResult = {
  latency: LatencySummary;
  statuses: Record<number, number>;
  verdict: Verdict;
};

/**
 * confirm-hot: `reservations` pending one-seat reservations race for `capacity` seats of
 * one performance, each confirmed once over HTTP. Exactly `capacity` must win.
 */
export async function runConfirmHot({
  baseUrl,
  sql,
  capacity,
  reservations,
  connections,
}: {
  baseUrl: string;
  sql: Sql;
  capacity: number;
  reservations: number;
  connections: number;
}): Promise<RaceResult> {
  const { performanceId } = await createBenchPerformance(sql, {
    label: "confirm-hot",
    capacity,
    // Confirmations need a bookable performance: a published show with booking open.
    published: true,
  });
  const tokens = await insertPendingReservations(sql, performanceId, reservations);
  await warmUp(baseUrl, {
    method: "POST",
    path: "/api/reservations/confirm",
    body: { token: "x".repeat(43) },
  });

  // autocannon sends exactly `amount` requests: one per token.
  let next = 0;
  const load = await drive({
    baseUrl,
    connections,
    amount: tokens.length,
    initialContext: {},
    steps: [
      {
        name: "confirm",
        request: () => ({
          method: "POST",
          path: "/api/reservations/confirm",
          body: { token: tokens[next++] },
        }),
      },
    ],
  });

  const { statuses, latenciesMs } = load.steps.confirm;
  const verdict = await checkConfirmationRace(sql, {
    performanceId,
    capacity,
    reservations,
    okAnswers: statuses[200] ?? 0,
  });
  return {
    latency: summarize(latenciesMs, load.wallMs),
    statuses,
    verdict: withProblems(verdict, unexpectedAnswers("confirm", statuses, [200, 409], load.errors)),
  };
}
