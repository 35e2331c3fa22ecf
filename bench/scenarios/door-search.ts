import { unexpectedAnswers, verdict, withProblems, type Verdict } from "@/bench/checks";
import { createBenchPerformance, insertConfirmedTickets, type Sql } from "@/bench/fixtures";
import { drive, summarize, type LatencySummary } from "@/bench/load";
import { warmUp } from "@/bench/warm-up";

export type DoorSearchResult = { latency: LatencySummary; verdict: Verdict };

const FIRST = [
  "Maria",
  "Giulia",
  "Élodie",
  "Niccolò",
  "Francesca",
  "Luca",
  "Chiara",
  "Mattia",
  "Zoë",
  "Andrea",
];
const LAST = [
  "Rossi",
  "D'Àngelo",
  "Bianchi",
  "Esposito",
  "Ricci",
  "Marino",
  "Greco",
  "Bruno",
  "Gallo",
  "Conti",
];

/**
 * door search: name search at the door (GET /api/check-ins/search) on a performance of
 * `reservations` confirmed reservations with Italian names, by a signed-in staff
 * session. Queries are fragments typed without accents in lower case ("dange",
 * "elodie r", "nicco"); every answer must be 200 with at most 8 results, and a sample of
 * queries for a full unique name must find exactly that reservation.
 */
export async function runDoorSearch({
  baseUrl,
  sql,
  cookie,
  reservations,
  connections,
  searches,
}: {
  baseUrl: string;
  sql: Sql;
  cookie: string;
  reservations: number;
  connections: number;
  searches: number;
}): Promise<DoorSearchResult> {
  const { performanceId } = await createBenchPerformance(sql, {
    label: "door-search",
    capacity: reservations,
    startsInMs: 30 * 60_000,
  });
  await insertConfirmedTickets(sql, performanceId, reservations);
  // 100 name pairs × a numbered suffix word, so that a full name is unique.
  await sql.query(
    `UPDATE reservations r SET name = ($2::text[])[1 + (n % 10)] || ' ' || ($3::text[])[1 + ((n / 10) % 10)] || ' ' || 'Tester' || chr((97 + (n / 100) % 26)::int) || chr((97 + n % 26)::int)
     FROM (SELECT id, row_number() OVER (ORDER BY id) - 1 AS n FROM reservations WHERE performance_id = $1) numbered
     WHERE r.id = numbered.id`,
    [performanceId, FIRST, LAST],
  );
  const headers = { cookie };
  const queries = [
    "dange",
    "elodie",
    "nicco",
    "ross",
    "zoe b",
    "giulia es",
    "tester",
    "rossi",
    "bru",
    "conti",
  ];
  const path = (q: string) =>
    `/api/check-ins/search?performance_id=${performanceId}&q=${encodeURIComponent(q)}`;
  await warmUp(baseUrl, { path: path("warm") }, { headers });

  let next = 0;
  const load = await drive({
    baseUrl,
    connections,
    amount: searches,
    headers,
    initialContext: {},
    steps: [{ name: "search", request: () => ({ path: path(queries[next++ % queries.length]) }) }],
  });

  // Correctness, untimed: the results are limited, accent-blind, and a full name finds one.
  const problems: string[] = [];
  const answer = async (q: string) =>
    (await (await fetch(new URL(path(q), baseUrl), { headers })).json()) as {
      results: { name: string }[];
    };
  const tooShort = await fetch(new URL(path("a"), baseUrl), { headers });
  if (tooShort.status !== 400)
    problems.push(`a 1-character query answered ${tooShort.status}, not 400`);
  const many = await answer("tester");
  if (many.results.length !== 8)
    problems.push(`"tester" gave ${many.results.length} results, not 8`);
  const { rows } = await sql.query<{ name: string }>(
    `SELECT name FROM reservations WHERE performance_id = $1 ORDER BY random() LIMIT 20`,
    [performanceId],
  );
  for (const { name } of rows) {
    const plain = name.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();
    const found = await answer(plain);
    if (found.results.length !== 1 || found.results[0].name !== name)
      problems.push(`"${plain}" found ${found.results.length} results`);
  }
  return {
    latency: summarize(load.steps.search.latenciesMs, load.wallMs),
    verdict: withProblems(
      verdict(`${searches} searches, ≤ 8 results each`, problems),
      unexpectedAnswers("search", load.steps.search.statuses, [200], load.errors),
    ),
  };
}
