// The soak: two production instances (each with its job runner) on one PostgreSQL
// database, a seeded random workload spread over both, faults injected at random
// moments, and the invariants of soak/checks.ts checked during the run (capacity,
// sampled) and after it (everything). `npm run soak` (soak/run.ts) prints the table and
// writes soak/results.json; e2e/soak-short.spec.ts runs a short version in `npm test`.
import { mkdir, rename, rm, symlink, writeFile } from "node:fs/promises";
import { cpus, loadavg, tmpdir } from "node:os";
import path from "node:path";
import { randomBytes } from "node:crypto";
import {
  createBenchPerformance,
  createStaffUser,
  insertPendingReservations,
  type Sql,
  type StaffCredentials,
} from "@/bench/fixtures";
import { signIn } from "@/bench/staff-session";
import { hashToken } from "@/lib/tokens";
import {
  admissionViolations,
  answerViolations,
  counterViolations,
  emailViolations,
  FAULT_GRACE_MS,
  overbookedPerformances,
  ticketEmailViolations,
  type FaultWindow,
  type Violation,
} from "@/soak/checks";
import {
  clusterSecret,
  createClusterDatabase,
  openSql,
  startInstance,
  type Instance,
} from "@/soak/cluster";
import { startDbProxy } from "@/soak/db-proxy";
import { Mailbox } from "@/soak/mailbox";
import { performOperation, seededRandom, tokenOf, type SoakState } from "@/soak/workload";

export const FAULTS = ["pg-restart", "pg-terminate", "sigkill", "slow-db", "mail-outage"] as const;
export type Fault = (typeof FAULTS)[number];

export type SoakOptions = {
  serverUrl: string;
  seed: number;
  ops: number;
  concurrency?: number;
  faults?: readonly Fault[];
  /** How long the mail transport fails (30 s by default). */
  mailOutageMs?: number;
  /** The instances' JOB_RUNNER_GONE_AFTER_MS: how soon the killed instance's jobs are released. */
  runnerGoneAfterMs?: number;
  /** How long to wait for the email queue to drain after the last operation. */
  drainTimeoutMs?: number;
  log?: (line: string) => void;
};

export type SoakResult = {
  seed: number;
  /** Operations performed (each sent one or more requests). */
  ops: number;
  /** Requests sent, the pages a form was read from included. */
  requests: number;
  startedAt: number;
  durationS: number;
  throughput: number;
  perOperation: {
    kind: string;
    /** Operations of this kind performed (0 for requests made on another's behalf: page reads for a form). */
    operations: number;
    /** Requests of this kind. */
    n: number;
    p50: number;
    p95: number;
    statuses: Record<string, number>;
  }[];
  faults: FaultWindow[];
  invariants: { invariant: string; ok: boolean; violations: string[] }[];
  /** What the run left in the tables: waiting-list entries by state, admin actions by kind (audit log). */
  outcomes: { waitlist: Record<string, number>; admin: Record<string, number> };
  /** The instances' log lines of a 500 ("request failed") or of a 503 outside the fault windows ("database unavailable"): error class and code, no input, for a failed run's diagnosis. */
  requestFailures: string[];
  /** Times a runner released the jobs of a runner that was gone (the SIGKILLed one). */
  releasedGoneRunnerJobs: number;
  /** The machine: cores and load average (1 min) when the run started and ended. */
  machine: { cpus: number; loadStart: number; loadEnd: number };
  ok: boolean;
};

const METRICS_TOKEN = randomBytes(24).toString("base64url");
const INVARIANTS = [
  "capacity",
  "admission",
  "ticket email",
  "emails",
  "no 5xx",
  "503 in faults",
  "counters",
];

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

async function drainEmailQueue(sql: SoakState["sql"], timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const { rows } = await sql.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM email_deliveries WHERE status IN ('queued', 'retrying')`,
    );
    if (rows[0].n === 0) return true;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  return false;
}

/** An admin account with a random password, for the admin's forms (box office, performance, move). */
async function createAdminUser(sql: Sql): Promise<StaffCredentials> {
  const user = await createStaffUser(sql);
  await sql.query(`UPDATE users SET role = 'ADMIN' WHERE id = $1`, [user.userId]);
  return user;
}

/** Ticket messages in the mailbox per reservation (file names carry the delivery's id). */
async function mailedTickets(
  sql: SoakState["sql"],
  mailbox: Mailbox,
): Promise<Map<number, number>> {
  const { rows } = await sql.query<{ reservation_id: number }>(
    `SELECT reservation_id FROM email_deliveries WHERE kind = 'ticket' AND id = ANY($1::int[])`,
    [mailbox.messages().map((message) => message.deliveryId)],
  );
  const counts = new Map<number, number>();
  for (const row of rows) counts.set(row.reservation_id, (counts.get(row.reservation_id) ?? 0) + 1);
  return counts;
}

/**
 * The instances' MAIL_DIR is a symbolic link to the mailbox, so that a mail outage can be
 * switched on and off atomically: pointed at a plain file, every delivery fails (the
 * transport cannot write there) and is retried; pointed back, they arrive.
 */
async function switchableMailDir(mailDir: string) {
  const link = `${mailDir}.link`;
  const broken = `${mailDir}.unavailable`;
  await mkdir(mailDir, { recursive: true });
  await writeFile(broken, "the mailbox is unavailable\n");
  const point = async (target: string) => {
    const next = `${link}.${randomBytes(4).toString("hex")}`;
    await symlink(target, next);
    await rename(next, link);
  };
  await point(mailDir);
  return {
    path: link,
    fail: () => point(broken),
    recover: () => point(mailDir),
    remove: () => Promise.all([rm(link, { force: true }), rm(broken, { force: true })]),
  };
}

export async function runSoak(options: SoakOptions): Promise<SoakResult> {
  const log = options.log ?? (() => undefined);
  const random = seededRandom(options.seed);
  const loadStart = loadavg()[0];
  const database = await createClusterDatabase(options.serverUrl, "azionelab_soak");
  const sql = openSql(database.url, 6);
  const proxy = await startDbProxy(database.url);
  const mailDir = path.join(tmpdir(), `azionelab-soak-mail-${randomBytes(4).toString("hex")}`);
  const mailbox = new Mailbox(mailDir);
  const mail = await switchableMailDir(mailDir);
  const secret = clusterSecret();
  const instances: Instance[] = [];
  const windows: FaultWindow[] = [];
  const violations: Violation[] = [];
  let sampler: ReturnType<typeof setInterval> | undefined;
  try {
    // Data: 3 hot performances of 12 seats (doors open) and 3 quiet ones of 200. The first
    // hot one starts sold out (its 12 tickets are the run's to cancel), so the waiting
    // list has a date to join from the first operation; the others sell out as the run
    // confirms their pending bookings.
    const performances: SoakState["performances"] = [];
    for (let i = 0; i < 6; i += 1) {
      const hot = i < 3;
      const made = await createBenchPerformance(sql, {
        label: hot ? `hot${i}` : `quiet${i}`,
        capacity: hot ? 12 : 200,
        published: true,
        startsInMs: 30 * 60 * 1000,
      });
      performances.push({ id: made.performanceId, slug: made.showSlug, hot });
    }
    const pending: SoakState["pending"] = [];
    const perPerformance = Math.max(20, Math.ceil(options.ops / 10));
    for (const performance of performances) {
      const tokens = await insertPendingReservations(
        sql,
        performance.id,
        performance.hot ? perPerformance : Math.ceil(perPerformance / 2),
        1 + (performance.id % 3),
      );
      for (const token of tokens) pending.push({ token, performanceId: performance.id });
    }
    // Starts on the whole minute, as the admin's form writes them: saving the form
    // unchanged (a capacity edit) then leaves the start, its links and its holders alone.
    await sql.query(
      `UPDATE performances SET starts_at = date_trunc('minute', starts_at) WHERE id = ANY($1::int[])`,
      [performances.map((performance) => performance.id)],
    );
    const soldOut = await insertPendingReservations(sql, performances[0].id, 12, 1);
    const staff = await createStaffUser(sql);
    const admin = await createAdminUser(sql);
    log(`database ${database.name}; starting 2 instances`);
    for (const name of ["a", "b"]) {
      const url = new URL(proxy.urlFor(database.url));
      url.searchParams.set("application_name", `soak-${name}`);
      instances.push(
        await startInstance({
          name,
          databaseUrl: url.toString(),
          secret,
          mailDir: mail.path,
          env: {
            JOB_RUNNER_GONE_AFTER_MS: String(options.runnerGoneAfterMs ?? 30_000),
            RATE_LIMIT: "off",
            LOG_LEVEL: "warn",
            METRICS_TOKEN,
            DATABASE_LOCK_TIMEOUT_MS: "2000",
            DATABASE_CONNECTION_TIMEOUT_MS: "3000",
          },
        }),
      );
    }
    const state: SoakState = {
      random,
      instances,
      sql,
      performances,
      pending,
      tickets: [],
      admissions: [],
      bookings: [],
      cancelled: [],
      mailbox,
      bookingForms: new Map(),
      joiners: [],
      waiting: [],
      staffCookie: await signIn(instances[0].baseUrl, staff),
      adminCookie: await signIn(instances[0].baseUrl, admin),
      answers: [],
      sequence: 0,
    };
    // The first hot performance sold out by 12 visitors confirming their links, as any
    // confirmation (with its ticket email), before the run starts.
    for (const token of soldOut) {
      const response = await fetch(`${instances[0].baseUrl}/api/reservations/confirm`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ token }),
      });
      const body = (await response.json()) as { ticket_url?: string };
      const ticket = tokenOf(body.ticket_url);
      if (!response.ok || !ticket) throw new Error(`selling out failed: HTTP ${response.status}`);
      state.tickets.push({ token: ticket, performanceId: performances[0].id, partySize: 1 });
    }
    // And a waiting list already in line for it (addresses confirmed): the first seat a
    // cancellation or a capacity raise frees is offered to them by email at once.
    for (let i = 1; i <= 6; i += 1) {
      const email = `soak-in-line-${i}-${randomBytes(3).toString("hex")}@example.org`;
      await sql.query(
        `INSERT INTO waitlist_entries (performance_id, status, name, email, party_size, queued_at)
         VALUES ($1, 'waiting', $2, $3, 1, now())`,
        [performances[0].id, `Soak in line ${i}`, email],
      );
      state.waiting.push({ email, performanceId: performances[0].id });
    }

    // Faults at random moments of the run (by operation count).
    const faults = (options.faults ?? FAULTS).map((fault) => ({
      fault,
      at: Math.floor((0.1 + random() * 0.7) * options.ops),
      started: false,
    }));
    const running: Promise<void>[] = [];
    const inject = async (fault: Fault) => {
      const window: FaultWindow = { fault, from: Date.now(), to: Number.POSITIVE_INFINITY };
      windows.push(window);
      log(`fault: ${fault}`);
      if (fault === "pg-restart") {
        proxy.down();
        await new Promise((resolve) => setTimeout(resolve, 3000));
        proxy.up();
      } else if (fault === "pg-terminate") {
        await sql.query(
          `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'soak-a'`,
        );
      } else if (fault === "sigkill") {
        window.fault = "sigkill b";
        await instances[1].kill();
        await instances[1].restart();
      } else if (fault === "mail-outage") {
        await mail.fail();
        await new Promise((resolve) => setTimeout(resolve, options.mailOutageMs ?? 30_000));
        await mail.recover();
      } else if (fault === "slow-db") {
        const client = await sql.connect();
        try {
          await client.query("BEGIN");
          await client.query("SELECT id FROM performances WHERE id = $1 FOR UPDATE", [
            performances[0].id,
          ]);
          await new Promise((resolve) => setTimeout(resolve, 5000));
          await client.query("ROLLBACK");
        } finally {
          client.release();
        }
      }
      window.to = Date.now();
    };

    sampler = setInterval(() => {
      void overbookedPerformances(sql).then(
        (found) => violations.push(...found),
        () => undefined,
      );
    }, 250);

    const started = Date.now();
    let issued = 0;
    const performed = new Map<string, number>();
    const worker = async () => {
      while (issued < options.ops) {
        issued += 1;
        for (const fault of faults)
          if (!fault.started && issued >= fault.at) {
            fault.started = true;
            running.push(inject(fault.fault));
          }
        const kind = await performOperation(state);
        performed.set(kind, (performed.get(kind) ?? 0) + 1);
      }
    };
    await Promise.all(Array.from({ length: options.concurrency ?? 8 }, worker));
    await Promise.all(running);
    const durationS = (Date.now() - started) / 1000;
    clearInterval(sampler);
    sampler = undefined;
    log(`${options.ops} operations in ${durationS.toFixed(1)} s; draining the email queue`);

    const drainTimeoutMs = options.drainTimeoutMs ?? 180_000;
    if (!(await drainEmailQueue(sql, drainTimeoutMs))) {
      const { rows: stuck } = await sql.query<Record<string, unknown>>(
        `SELECT j.id, j.locked_by, j.locked_at, j.attempts, j.run_at, j.last_error,
                (SELECT string_agg(runner_id || ':' || array_to_string(worker_ids, ',') || '@' || last_seen_at, ' ')
                   FROM job_runners) AS runners, now() AS now
           FROM graphile_worker.jobs j WHERE j.task_identifier = 'send_email'`,
      );
      violations.push({
        invariant: "emails",
        detail: `the email queue did not drain in ${drainTimeoutMs / 1000} s: ${JSON.stringify(stuck.slice(0, 5))}`,
      });
    }
    log(`email queue drained after ${((Date.now() - started) / 1000 - durationS).toFixed(1)} s`);
    await mailbox.refresh();
    violations.push(...(await overbookedPerformances(sql)));
    violations.push(...(await admissionViolations(sql)));
    violations.push(...(await ticketEmailViolations(sql, await mailedTickets(sql, mailbox))));
    const { rows: cancelledRows } = await sql.query<{ reservation_id: number; token_hash: string }>(
      `SELECT reservation_id, token_hash FROM reservation_tokens WHERE token_hash = ANY($1::text[])`,
      [state.cancelled.map((entry) => hashToken(entry.token))],
    );
    const seenAt = new Map(
      state.cancelled.map((entry) => [hashToken(entry.token), entry.answeredAt]),
    );
    violations.push(
      ...(await emailViolations(
        sql,
        mailbox.messages(),
        new Map(cancelledRows.map((row) => [row.reservation_id, seenAt.get(row.token_hash)!])),
      )),
    );
    // A mail outage excuses no answer: the pages and APIs do not wait for email.
    violations.push(
      ...answerViolations(
        state.answers,
        windows.filter((window) => window.fault !== "mail-outage"),
      ),
    );
    const metrics = await fetch(`${instances[0].baseUrl}/api/metrics`, {
      headers: { authorization: `Bearer ${METRICS_TOKEN}` },
    });
    // The counters are read at most once a second: wait for a fresh read.
    await new Promise((resolve) => setTimeout(resolve, 1100));
    violations.push(
      ...(await counterViolations(
        sql,
        metrics.ok
          ? await (
              await fetch(`${instances[0].baseUrl}/api/metrics`, {
                headers: { authorization: `Bearer ${METRICS_TOKEN}` },
              })
            ).text()
          : "",
      )),
    );

    const kinds = [
      ...new Set([...performed.keys(), ...state.answers.map((answer) => answer.kind)]),
    ].sort();
    const perOperation = kinds.map((kind) => {
      const of = state.answers.filter((answer) => answer.kind === kind);
      const times = of.map((answer) => answer.ms).sort((x, y) => x - y);
      const statuses: Record<string, number> = {};
      for (const answer of of) statuses[answer.status] = (statuses[answer.status] ?? 0) + 1;
      return {
        kind,
        operations: performed.get(kind) ?? 0,
        n: of.length,
        p50: percentile(times, 50),
        p95: percentile(times, 95),
        statuses,
      };
    });
    const invariants = INVARIANTS.map((invariant) => {
      const found = violations.filter((violation) => violation.invariant === invariant);
      return {
        invariant,
        ok: found.length === 0,
        violations: [...new Set(found.map((violation) => violation.detail))].slice(0, 20),
      };
    });
    const releasedGoneRunnerJobs = instances
      .map(
        (instance) =>
          instance.output().split("released the jobs of job runners that are gone").length - 1,
      )
      .reduce((sum, n) => sum + n, 0);
    const { rows: waitlistRows } = await sql.query<{ status: string; n: number }>(
      `SELECT status::text AS status, count(*)::int AS n FROM waitlist_entries GROUP BY 1 ORDER BY 1`,
    );
    const { rows: adminRows } = await sql.query<{ action: string; n: number }>(
      `SELECT action, count(*)::int AS n FROM audit_entries GROUP BY 1 ORDER BY 1`,
    );
    // Every 500, and the 503s outside the fault windows: what the checker reports, with its cause.
    const outsideFaults = (line: string) => {
      const at = Date.parse(/"time":"([^"]+)"/.exec(line)?.[1] ?? "");
      return !windows.some((w) => at >= w.from - 1000 && at <= w.to + FAULT_GRACE_MS);
    };
    const requestFailures = instances.flatMap((instance) =>
      instance
        .output()
        .split("\n")
        .filter(
          (line) =>
            line.includes("request failed") ||
            (line.includes("database unavailable") && outsideFaults(line)),
        )
        .map((line) => `${instance.name}: ${line}`),
    );
    const ops = [...performed.values()].reduce((sum, n) => sum + n, 0);
    return {
      seed: options.seed,
      ops,
      requests: state.answers.length,
      startedAt: started,
      durationS,
      throughput: ops / durationS,
      perOperation,
      faults: windows,
      invariants,
      outcomes: {
        waitlist: Object.fromEntries(waitlistRows.map((row) => [row.status, row.n])),
        admin: Object.fromEntries(adminRows.map((row) => [row.action, row.n])),
      },
      requestFailures: requestFailures.slice(0, 50),
      releasedGoneRunnerJobs,
      machine: { cpus: cpus().length, loadStart, loadEnd: loadavg()[0] },
      ok: invariants.every((entry) => entry.ok),
    };
  } finally {
    if (sampler) clearInterval(sampler);
    await Promise.all(instances.map((instance) => instance.dispose()));
    await sql.end();
    await proxy.close();
    await database.drop();
    await mail.remove();
    await rm(mailDir, { recursive: true, force: true });
  }
}

export function formatTable(result: SoakResult): string {
  const lines = [
    `soak seed=${result.seed}, ${new Date(result.startedAt).toISOString().slice(0, 16).replace("T", " ")} UTC: ${result.ops} operations (${result.requests} requests) in ${result.durationS.toFixed(1)} s (${result.throughput.toFixed(0)} operations/s); ${result.machine.cpus} cores, load average ${result.machine.loadStart.toFixed(1)} at the start, ${result.machine.loadEnd.toFixed(1)} at the end; jobs of a gone runner released ${result.releasedGoneRunnerJobs} times`,
    "",
    "| operation | operations | requests | p50 ms | p95 ms | answers |",
    "| --- | ---: | ---: | ---: | ---: | --- |",
    ...result.perOperation.map(
      (row) =>
        `| ${row.kind} | ${row.operations} | ${row.n} | ${row.p50} | ${row.p95} | ${Object.entries(
          row.statuses,
        )
          .map(([status, n]) => `${status === "0" ? "no answer" : status}×${n}`)
          .join(" ")} |`,
    ),
    "",
    `waiting list: ${Object.entries(result.outcomes.waitlist)
      .map(([status, n]) => `${n} ${status}`)
      .join(", ")}; admin: ${Object.entries(result.outcomes.admin)
      .map(([action, n]) => `${n} ${action}`)
      .join(", ")}`,
    "",
    "| fault | at s | lasted s |",
    "| --- | ---: | ---: |",
    ...result.faults.map(
      (fault) =>
        `| ${fault.fault} | ${((fault.from - result.startedAt) / 1000).toFixed(1)} | ${((fault.to - fault.from) / 1000).toFixed(1)} |`,
    ),
    "",
    "| invariant | result |",
    "| --- | --- |",
    ...result.invariants.map(
      (entry) =>
        `| ${entry.invariant} | ${entry.ok ? "✓" : `✗ ${entry.violations.length}: ${entry.violations.slice(0, 3).join("; ")}`} |`,
    ),
  ];
  return lines.join("\n");
}
