import { performance } from "node:perf_hooks";
import { unexpectedAnswers, verdict, type Verdict } from "@/bench/checks";
import { createBenchPerformance, insertPendingReservations, type Sql } from "@/bench/fixtures";
import { drive, summarize, type LatencySummary } from "@/bench/load";
import { warmUp } from "@/bench/warm-up";

export type PageLoadResult = { path: string; latency: LatencySummary; verdict: Verdict };

// As a browser asks: the server compresses, and that costs it CPU.
const BROWSER_HEADERS = {
  "accept-encoding": "gzip, deflate, br",
  accept: "text/html,application/xhtml+xml",
};

/** GETs `path` for `durationSeconds` over `connections` connections. */
export async function loadPage({
  baseUrl,
  path,
  connections,
  durationSeconds,
}: {
  baseUrl: string;
  path: string;
  connections: number;
  durationSeconds: number;
}): Promise<PageLoadResult> {
  await warmUp(baseUrl, { path }, { headers: BROWSER_HEADERS });
  const load = await drive({
    baseUrl,
    connections,
    durationSeconds,
    headers: BROWSER_HEADERS,
    initialContext: {},
    steps: [{ name: "get", request: () => ({ path }) }],
  });
  const { latenciesMs, statuses } = load.steps.get;
  const problems = unexpectedAnswers(`GET ${path}`, statuses, [200], load.errors);
  return {
    path,
    latency: summarize(latenciesMs, load.wallMs),
    verdict: verdict(`${statuses[200] ?? 0} × 200`, problems),
  };
}

export type FreshnessResult = { samplesMs: number[]; worstMs: number; verdict: Verdict };

const POLL_INTERVAL_MS = 50;
const GIVE_UP_MS = 30_000;

/**
 * How long after a confirmation the show page still shows the old availability. A show
 * with one performance of 977 seats (a number the page shows nowhere else) gets
 * confirmations of 3 seats over HTTP; after each 200 the page is fetched again and again
 * until it shows the new count (974, 971, ...).
 */
export async function measureFreshness({
  baseUrl,
  sql,
  samples = 3,
}: {
  baseUrl: string;
  sql: Sql;
  samples?: number;
}): Promise<FreshnessResult> {
  const capacity = 977;
  const partySize = 3;
  const { performanceId, showSlug } = await createBenchPerformance(sql, {
    label: "freshness",
    capacity,
    published: true,
  });
  const tokens = await insertPendingReservations(sql, performanceId, samples, partySize);
  const page = `/shows/${showSlug}`;
  const shows = async (seats: number) =>
    new RegExp(`(^|[^0-9.,])${seats}([^0-9.,]|$)`).test(
      await (await fetch(new URL(page, baseUrl))).text(),
    );

  const problems: string[] = [];
  const samplesMs: number[] = [];
  if (!(await shows(capacity)))
    problems.push(`${page} does not show "${capacity}" available seats before any confirmation`);
  for (const [i, token] of tokens.entries()) {
    if (problems.length > 0) break;
    const expected = capacity - partySize * (i + 1);
    const confirmed = await fetch(new URL("/api/reservations/confirm", baseUrl), {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ token }),
    });
    await confirmed.arrayBuffer();
    const confirmedAt = performance.now();
    if (confirmed.status !== 200) {
      problems.push(`confirmation answered ${confirmed.status}`);
      break;
    }
    while (!(await shows(expected))) {
      if (performance.now() - confirmedAt > GIVE_UP_MS) {
        problems.push(
          `${page} still did not show ${expected} seats ${GIVE_UP_MS / 1000} s after the confirmation`,
        );
        break;
      }
      await new Promise((resolve) => setTimeout(resolve, POLL_INTERVAL_MS));
    }
    samplesMs.push(performance.now() - confirmedAt);
  }
  const worstMs = Math.max(0, ...samplesMs);
  return {
    samplesMs,
    worstMs,
    verdict: verdict(`new availability shown after ≤ ${Math.round(worstMs)} ms`, problems),
  };
}
