import { randomBytes } from "node:crypto";
import {
  checkInRows,
  judgeCheckIns,
  unexpectedAnswers,
  withProblems,
  type Verdict,
} from "@/bench/checks";
import { createBenchPerformance, insertConfirmedTickets, type Sql } from "@/bench/fixtures";
import { drive, summarize, type HttpRequest, type LatencySummary } from "@/bench/load";
import { warmUp } from "@/bench/warm-up";

export type CheckInResult = {
  preview: LatencySummary;
  confirm: LatencySummary;
  /** Tickets through the door per second (preview + confirm each). */
  ticketsPerSecond: number;
  verdict: Verdict;
};

// Keeps a connection's preview → confirm sequence whole once the tickets have run out.
const FILLER: HttpRequest = { path: "/api/health", measured: false };
const nonce = () => randomBytes(12).toString("base64url");

/**
 * check-in: `tickets` confirmed tickets, each previewed then confirmed by a signed-in
 * staff session (`cookie`), as at the door. Afterwards a sample of the admitted tickets
 * is presented again: every one of them must be refused.
 */
export async function runCheckIn({
  baseUrl,
  sql,
  cookie,
  tickets: ticketCount,
  connections,
  secondPresentations = 200,
}: {
  baseUrl: string;
  sql: Sql;
  cookie: string;
  tickets: number;
  connections: number;
  secondPresentations?: number;
}): Promise<CheckInResult> {
  // Starting in half an hour: the doors are open (DOORS_OPEN_MINUTES_BEFORE, default 90).
  const { performanceId } = await createBenchPerformance(sql, {
    label: "check-in",
    capacity: ticketCount,
    startsInMs: 30 * 60_000,
  });
  const tickets = await insertConfirmedTickets(sql, performanceId, ticketCount);
  const headers = { cookie };
  const unknownTicket = { token: "x".repeat(43), performance_id: performanceId };
  await warmUp(
    baseUrl,
    { method: "POST", path: "/api/check-ins/preview", body: unknownTicket },
    { headers },
  );
  await warmUp(
    baseUrl,
    { method: "POST", path: "/api/check-ins/confirm", body: unknownTicket },
    { headers },
  );

  // autocannon gives each connection the same number of requests; an even number per
  // connection keeps every ticket's two steps on one connection, the rest are fillers.
  const amount = connections * 2 * Math.ceil(ticketCount / connections);
  let next = 0;
  const load = await drive<{ ticket?: string }>({
    baseUrl,
    connections,
    amount,
    headers,
    initialContext: {},
    steps: [
      {
        name: "preview",
        request: (context) => {
          context.ticket = tickets[next++];
          return context.ticket
            ? {
                method: "POST",
                path: "/api/check-ins/preview",
                body: { token: context.ticket, performance_id: performanceId },
              }
            : FILLER;
        },
      },
      {
        name: "confirm",
        request: (context) =>
          context.ticket
            ? {
                method: "POST",
                path: "/api/check-ins/confirm",
                body: { token: context.ticket, performance_id: performanceId, nonce: nonce() },
              }
            : FILLER,
      },
    ],
  });

  // The same tickets again, as a second person in the queue holding a copy would.
  const again = tickets.slice(0, secondPresentations);
  let nextAgain = 0;
  const second = await drive({
    baseUrl,
    connections: Math.min(connections, again.length),
    amount: again.length,
    headers,
    initialContext: {},
    steps: [
      {
        name: "confirm",
        request: () => ({
          method: "POST",
          path: "/api/check-ins/confirm",
          body: { token: again[nextAgain++], performance_id: performanceId, nonce: nonce() },
        }),
      },
    ],
  });

  const { preview, confirm } = load.steps;
  const database = await checkInRows(sql, performanceId);
  const verdict = judgeCheckIns({
    tickets: ticketCount,
    checkInRows: database.rows,
    checkedInReservations: database.reservations,
    okAnswers: confirm.statuses[200] ?? 0,
    secondEntries: second.steps.confirm.statuses[200] ?? 0,
  });
  return {
    preview: summarize(preview.latenciesMs, load.wallMs),
    confirm: summarize(confirm.latenciesMs, load.wallMs),
    ticketsPerSecond: (ticketCount * 1000) / load.wallMs,
    verdict: withProblems(verdict, [
      ...unexpectedAnswers("preview", preview.statuses, [200], load.errors),
      ...unexpectedAnswers("confirm", confirm.statuses, [200]),
      ...unexpectedAnswers(
        "second presentation",
        second.steps.confirm.statuses,
        [200, 409],
        second.errors,
      ),
    ]),
  };
}
