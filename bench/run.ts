// npm run bench — see README.md#performance.
//
// Builds the app if the last build is stale, starts the production server on a fresh
// database (RATE_LIMIT=off, file mail transport), runs the scenarios below, prints one
// table, writes bench/results.json and stops everything it started. Exits 1 when a
// correctness check fails (overbooking, a second entry, wrong answers), 0 otherwise:
// missed targets are reported, not fatal.
//
// Flags: --build (always build), --no-build (use the last build as it is),
//        --no-browser (skip page weight and Lighthouse), --only=<scenario,...>,
//        --lighthouse-runs=N (runs per page, the median is reported; 3 by default)
import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import {
  build,
  buildStaleness,
  SERVER_LOG,
  snapshotBuild,
  startAppServer,
  type AppServer,
} from "@/bench/app-server";
import { verdict } from "@/bench/checks";
import { openBenchDatabase, openPool, type BenchDatabase } from "@/bench/database";
import { createStaffUser } from "@/bench/fixtures";
import { formatFailures, formatTable, target, type Row } from "@/bench/report";
import { measureConfirmHotDrain, runSaturatedDrain } from "@/bench/scenarios/mail-drain";
import { runBook } from "@/bench/scenarios/book";
import { runCheckIn } from "@/bench/scenarios/check-in";
import { runConfirmCeiling } from "@/bench/scenarios/confirm-ceiling";
import { runDoorSearch } from "@/bench/scenarios/door-search";
import { runCancelOffer } from "@/bench/scenarios/cancel-offer";
import { runConfirmHot } from "@/bench/scenarios/confirm-hot";
import { runLighthouse } from "@/bench/scenarios/lighthouse";
import { CHROMIUM_PATH, measurePageWeights } from "@/bench/scenarios/page-weight";
import { loadPage, measureFreshness } from "@/bench/scenarios/public-pages";
import { signIn } from "@/bench/staff-session";
import { createPrismaClient } from "@/lib/db";
import { seedDemo } from "@/lib/seed/demo";

const SIZES = {
  confirm: { capacity: 500, reservations: 2000, connections: 32 },
  book: { amount: 2000, connections: 32 },
  checkIn: { tickets: 1000, connections: 16, doorConnections: 4 },
  doorSearch: { reservations: 1000, connections: 4, searches: 2000 },
  cancelOffer: { count: 200, concurrency: 8 },
  pages: { connections: 32, durationSeconds: 10 },
};
const SHOW_SLUG = "le-serve"; // a demo show with two upcoming performances
const KB = 1000;
const FRESHNESS_TARGET_MS = 2000;

const args = new Set(process.argv.slice(2));
const only = process.argv
  .find((arg) => arg.startsWith("--only="))
  ?.slice("--only=".length)
  .split(",");
const wanted = (scenario: string) => !only || only.includes(scenario);
const lighthouseRuns = Number(
  process.argv
    .find((arg) => arg.startsWith("--lighthouse-runs="))
    ?.slice("--lighthouse-runs=".length) ?? 3,
);
const log = (message: string) => console.error(`[bench] ${message}`);

function machine() {
  const cpus = os.cpus();
  return {
    cpu: `${cpus.length} × ${cpus[0]?.model.trim() ?? "unknown"}`,
    memoryGb: Math.round(os.totalmem() / 2 ** 30),
    os: `${os.type()} ${os.release()}`,
    node: process.version,
  };
}

/** The booking page's path, as the show page links to it. */
async function findBookingPath(baseUrl: string, showPath: string): Promise<string> {
  const html = await (await fetch(new URL(showPath, baseUrl))).text();
  const link = new RegExp(`href="(${showPath}/[^"#?]+)"`).exec(html);
  if (!link) throw new Error(`${showPath} links to no booking page (${showPath}/…)`);
  return link[1];
}

/** Runs one scenario; an exception becomes a failed row instead of ending the run. */
async function attempt(rows: Row[], scenario: string, work: () => Promise<Row[]>): Promise<void> {
  if (!wanted(scenario)) return;
  log(`${scenario}…`);
  const startedAt = performance.now();
  try {
    rows.push(...(await work()));
  } catch (error) {
    rows.push({
      scenario,
      verdict: verdict("did not run", [error instanceof Error ? error.message : String(error)]),
      targets: [],
    });
  }
  log(`${scenario} done in ${((performance.now() - startedAt) / 1000).toFixed(1)} s`);
}

async function main(): Promise<number> {
  const startedAt = new Date();
  // Shared with the server: cancel → offer queues offer links sealed with it, in this process.
  process.env.NEXTAUTH_SECRET ??= randomBytes(32).toString("base64url");
  const externalServer = Boolean(process.env.DATABASE_URL);
  const loadBefore = os.loadavg();
  const stale = args.has("--no-build")
    ? null
    : args.has("--build")
      ? "--build"
      : await buildStaleness();
  if (stale) {
    log(`building (${stale})…`);
    await build();
  }
  const snapshot = await snapshotBuild();

  const cleanups: (() => Promise<unknown>)[] = [snapshot.remove];
  const cleanUp = async () => {
    for (const cleanup of cleanups.reverse())
      await cleanup().catch((error: unknown) => log(`clean-up failed: ${String(error)}`));
    cleanups.length = 0;
  };
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.once(signal, () => void cleanUp().then(() => process.exit(130)));
  }

  const rows: Row[] = [];
  let database: BenchDatabase | undefined;
  try {
    database = await openBenchDatabase();
    cleanups.push(database.close);
    log(`fresh database ${database.name} (PostgreSQL ${database.serverVersion})`);
    // lib/ code used for preparation (the demo seed) reads its configuration from here.
    process.env.DATABASE_URL = database.url;
    const prisma = createPrismaClient(database.url);
    await seedDemo(prisma, { timeZone: "Europe/Rome" });
    await prisma.$disconnect();

    const sql = openPool(database.url);
    cleanups.push(() => sql.end());
    const mailDir = await mkdtemp(path.join(os.tmpdir(), "azionelab-bench-mail-"));
    cleanups.push(() => rm(mailDir, { recursive: true, force: true }));
    const server: AppServer = await startAppServer({
      buildDir: snapshot.dir,
      databaseUrl: database.url,
      mailDir,
    });
    cleanups.push(server.stop);
    const { baseUrl } = server;
    log(`production server on ${baseUrl} (its errors: ${SERVER_LOG})`);

    let hotPerSecond: number | undefined;
    await attempt(rows, "confirm-hot", async () => {
      const hot = await runConfirmHot({ baseUrl, sql, ...SIZES.confirm });
      hotPerSecond = hot.latency.perSecond;
      return [
        {
          scenario: "confirm-hot (HTTP)",
          latency: hot.latency,
          verdict: hot.verdict,
          targets: [target("p95 < 50 ms", hot.latency.p95 < 50)],
        },
      ];
    });
    await attempt(rows, "confirm-ceiling", async () => {
      const ceiling = await runConfirmCeiling({ databaseUrl: database!.url, ...SIZES.confirm });
      const hotRow = rows.find((row) => row.scenario === "confirm-hot (HTTP)");
      if (hotRow && hotPerSecond !== undefined) {
        const ratio = hotPerSecond / ceiling.latency.perSecond;
        hotRow.note = `${Math.round(ratio * 100)}% of ceiling`;
        hotRow.targets.push(target("≥ 50% of ceiling", ratio >= 0.5));
      }
      return [
        {
          scenario: "confirm-ceiling (SQL)",
          latency: ceiling.latency,
          verdict: ceiling.verdict,
          targets: [],
        },
      ];
    });
    await attempt(rows, "mail-drain", async () => {
      // The ticket emails of confirm-hot (delivered while it ran), then a saturated queue.
      const underLoad = await measureConfirmHotDrain(sql);
      const saturated = await runSaturatedDrain({ sql, secret: server.secret, count: 1000 });
      const drainRows: Row[] = [
        {
          scenario: "mail drain (confirm-hot's tickets)",
          latency: underLoad.latency,
          verdict: underLoad.verdict,
          note: "p50/p95 = commit → delivered",
          targets: [],
        },
        {
          scenario: "mail drain (1,000 tickets queued)",
          latency: saturated.latency,
          verdict: saturated.verdict,
          note: "p50/p95 = commit → delivered",
          targets:
            hotPerSecond === undefined
              ? []
              : [target("emails/s ≥ confirm-hot/s", saturated.latency.perSecond >= hotPerSecond)],
        },
      ];
      return drainRows;
    });
    await attempt(rows, "cancel-offer", async () => {
      const result = await runCancelOffer({
        sql,
        databaseUrl: database!.url,
        ...SIZES.cancelOffer,
      });
      return [
        {
          scenario: `cancel → offer @${SIZES.cancelOffer.concurrency} (${SIZES.cancelOffer.count} seats)`,
          latency: result.latency,
          verdict: result.verdict,
          note: `p50/p95 = cancellation asked → offer email delivered; the cancellation itself p50 ${Math.round(result.cancel.p50)} ms, p95 ${Math.round(result.cancel.p95)} ms`,
          targets: [],
        },
      ];
    });
    await attempt(rows, "book", async () => {
      const book = await runBook({ baseUrl, sql, ...SIZES.book });
      return [
        { scenario: "book (HTTP)", latency: book.latency, verdict: book.verdict, targets: [] },
      ];
    });
    await attempt(rows, "check-in", async () => {
      const cookie = await signIn(baseUrl, await createStaffUser(sql));
      // Issue 16: at 16 connections, throughput against /api/health in the same run; at 4
      // (a realistic door), latency.
      const health = await loadPage({
        baseUrl,
        path: "/api/health",
        connections: SIZES.checkIn.connections,
        durationSeconds: 5,
      });
      const busy = await runCheckIn({ baseUrl, sql, cookie, ...SIZES.checkIn });
      // Requests per second: each ticket is a preview and a confirm.
      const ratio = (busy.ticketsPerSecond * 2) / health.latency.perSecond;
      const door = await runCheckIn({
        baseUrl,
        sql,
        cookie,
        tickets: SIZES.checkIn.tickets,
        connections: SIZES.checkIn.doorConnections,
      });
      // The floor for the door's latency: the app's cheapest route (one query) at as many connections.
      const doorHealth = await loadPage({
        baseUrl,
        path: "/api/health",
        connections: SIZES.checkIn.doorConnections,
        durationSeconds: 5,
      });
      return [
        {
          scenario: `check-in @${SIZES.checkIn.connections} (preview+confirm)`,
          latency: busy.confirm,
          perSecond: busy.ticketsPerSecond,
          verdict: busy.verdict,
          note: `${Math.round(ratio * 100)}% of /api/health (${Math.round(health.latency.perSecond)}/s)`,
          targets: [target("≥ 50% of /api/health req/s", ratio >= 0.5)],
        },
        {
          scenario: `check-in preview @${SIZES.checkIn.doorConnections}`,
          latency: door.preview,
          perSecond: door.ticketsPerSecond,
          verdict: verdict("per s = tickets", []),
          targets: [target("p95 < 30 ms", door.preview.p95 < 30)],
        },
        {
          scenario: `check-in confirm @${SIZES.checkIn.doorConnections}`,
          latency: door.confirm,
          perSecond: door.ticketsPerSecond,
          verdict: door.verdict,
          targets: [target("p95 < 30 ms", door.confirm.p95 < 30)],
        },
        {
          scenario: `GET /api/health @${SIZES.checkIn.doorConnections} (the door's floor)`,
          latency: doorHealth.latency,
          verdict: doorHealth.verdict,
          targets: [],
        },
      ];
    });
    await attempt(rows, "door-search", async () => {
      const cookie = await signIn(baseUrl, await createStaffUser(sql));
      const search = await runDoorSearch({ baseUrl, sql, cookie, ...SIZES.doorSearch });
      return [
        {
          scenario: `door search @${SIZES.doorSearch.connections} (1,000 names)`,
          latency: search.latency,
          verdict: search.verdict,
          targets: [target("p95 < 30 ms", search.latency.p95 < 30)],
        },
      ];
    });
    await attempt(rows, "public-pages", async () => {
      const baseline = await loadPage({ baseUrl, path: "/api/health", ...SIZES.pages });
      const pageRows: Row[] = [
        {
          scenario: `GET ${baseline.path} (baseline)`,
          latency: baseline.latency,
          verdict: baseline.verdict,
          targets: [],
        },
      ];
      // Issue 13: the booking (its email included, delivered in the same process) against
      // the baseline of the same run.
      const bookRow = rows.find((row) => row.scenario === "book (HTTP)");
      if (bookRow?.latency) {
        const ratio = bookRow.latency.perSecond / baseline.latency.perSecond;
        bookRow.note = `${Math.round(ratio * 100)}% of /api/health`;
        bookRow.targets.push(target("≥ 40% of /api/health", ratio >= 0.4));
      }
      // Served from the cache (revalidate = 2): no database round trip per request.
      for (const pagePath of ["/", "/shows", `/shows/${SHOW_SLUG}`, `/en/shows/${SHOW_SLUG}`]) {
        const page = await loadPage({ baseUrl, path: pagePath, ...SIZES.pages });
        const ratio = page.latency.perSecond / baseline.latency.perSecond;
        pageRows.push({
          scenario: `GET ${pagePath}`,
          latency: page.latency,
          verdict: page.verdict,
          note: `${Math.round(ratio * 100)}% of baseline`,
          targets: [
            target("≥ 100% of baseline", ratio >= 1),
            target("p95 < 50 ms", page.latency.p95 < 50),
          ],
        });
      }
      const freshness = await measureFreshness({ baseUrl, sql });
      pageRows.push({
        scenario: "availability freshness",
        verdict: freshness.verdict,
        targets: [
          target(
            `≤ ${FRESHNESS_TARGET_MS / 1000} s`,
            freshness.verdict.ok && freshness.worstMs <= FRESHNESS_TARGET_MS,
          ),
        ],
      });
      return pageRows;
    });

    const browserPages = async () => {
      const showPath = `/shows/${SHOW_SLUG}`;
      // Limits over the framework floor (the bare page of the same build): read-only
      // pages ship none of our JavaScript beyond it (+5 KB), the booking page its form.
      return [
        { name: "home", path: "/", overFloor: 5 * KB },
        { name: "show list", path: "/shows", overFloor: 5 * KB },
        { name: "show", path: showPath, overFloor: 5 * KB },
        { name: "show (en)", path: `/en${showPath}`, overFloor: 5 * KB },
        { name: "booking", path: await findBookingPath(baseUrl, showPath), overFloor: 35 * KB },
      ];
    };
    const browser = !args.has("--no-browser") && existsSync(CHROMIUM_PATH);
    if (!browser)
      log(
        `page weight and Lighthouse skipped (${args.has("--no-browser") ? "--no-browser" : `no Chromium at ${CHROMIUM_PATH}`})`,
      );
    if (browser) {
      await attempt(rows, "page-weight", async () => {
        const pages = await browserPages();
        // The framework floor: a page with no component of ours (app/dev/bare/page.tsx).
        const [floor, ...weights] = await measurePageWeights({
          baseUrl,
          pages: [{ name: "bare page (floor)", path: "/dev/bare" }, ...pages],
        });
        return [
          {
            scenario: `page weight ${floor.name} (${floor.path})`,
            verdict: verdict(
              `JS ${(floor.scriptBytes / KB).toFixed(1)} KB gz, total ${(floor.totalBytes / KB).toFixed(1)} KB in ${floor.requests} requests`,
              [],
            ),
            targets: [],
          },
          ...weights.map((weight, i) => {
            const over = weight.scriptBytes - floor.scriptBytes;
            return {
              scenario: `page weight ${weight.name} (${weight.path})`,
              verdict: verdict(
                `JS ${(weight.scriptBytes / KB).toFixed(1)} KB gz = floor + ${(over / KB).toFixed(1)} KB, total ${(weight.totalBytes / KB).toFixed(1)} KB in ${weight.requests} requests`,
                [],
              ),
              targets: [
                target(`floor + ≤ ${pages[i].overFloor / KB} KB`, over <= pages[i].overFloor),
              ],
            };
          }),
        ];
      });
      await attempt(rows, "lighthouse", async () => {
        // The bare page first: what the framework alone scores on this machine, in this run.
        const [floor, ...scores] = await runLighthouse({
          baseUrl,
          pages: [{ name: "bare page (floor)", path: "/dev/bare" }, ...(await browserPages())],
          runs: lighthouseRuns,
        });
        const describe = (score: typeof floor) =>
          `perf ${score.performance} (runs ${score.performanceRuns.join("/")}; TBT ${score.tbtMs} ms, LCP ${score.lcpMs} ms, host CPU index ${score.benchmarkIndex}), a11y ${score.accessibility}, best practices ${score.bestPractices}, SEO ${score.seo}, CLS ${score.cls.toFixed(3)}`;
        return [
          {
            scenario: `lighthouse ${floor.name}`,
            verdict: verdict(describe(floor), []),
            targets: [],
          },
          ...scores.map((score) => ({
            scenario: `lighthouse ${score.name}`,
            verdict: verdict(`${describe(score)}; floor perf ${floor.performance}`, []),
            note:
              score.failedAudits.length > 0 ? `weak: ${score.failedAudits.join(" ")}` : undefined,
            targets: [
              target("perf ≥ 95", score.performance >= 95),
              target("a11y 100", score.accessibility === 100),
              target("bp 100", score.bestPractices === 100),
              target("SEO 100", score.seo === 100),
              target("CLS 0", score.cls === 0),
            ],
          })),
        ];
      });
    }
  } finally {
    await cleanUp();
  }

  const conditions = {
    date: startedAt.toISOString(),
    durationSeconds: Math.round((Date.now() - startedAt.getTime()) / 1000),
    machine: machine(),
    postgres: `${database?.serverVersion ?? "?"} (${externalServer ? "server from DATABASE_URL" : "embedded"})`,
    loadAverageBefore: loadBefore.map((load) => Number(load.toFixed(2))),
    loadAverageAfter: os.loadavg().map((load) => Number(load.toFixed(2))),
  };
  console.log(formatTable(rows));
  console.log(
    `\n${conditions.date.slice(0, 10)} · ${conditions.machine.cpu} · ${conditions.machine.memoryGb} GB · ${conditions.machine.os} · Node ${conditions.machine.node} · PostgreSQL ${conditions.postgres} · load average before ${conditions.loadAverageBefore.join(" ")} · ${conditions.durationSeconds} s`,
  );
  await writeFile(
    path.join(import.meta.dirname, "results.json"),
    `${JSON.stringify({ ...conditions, sizes: SIZES, rows }, null, 2)}\n`,
  );
  const failures = formatFailures(rows);
  if (failures) console.error(`\n${failures}`);
  return failures ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
