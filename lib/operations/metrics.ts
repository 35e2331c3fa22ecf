// The app's Prometheus metrics, next to the request metrics of scripts/server-preload.mjs
// in one registry (lib/operations/server-runtime.ts), served by GET /api/metrics.
//
// - pool usage: this process's connections (total, idle, waiting for one);
// - job runner: outcomes of the jobs this process ran (counter), and the queue as the
//   database holds it (ready, scheduled for later, running, failed for good);
// - bookings, confirmations, cancellations, check-in admissions and undos: counted from
//   the database at scrape time, so they are the whole system's totals (every instance
//   reports the same numbers: aggregate them with max(), not sum()) and survive restarts.
//
// The database is read at most once per second, whatever the number of scrapers; when
// it cannot answer, `azionelab_metrics_database_up` is 0 and the other values are the
// last ones read.
import type pg from "pg";
import { Counter, Gauge, type Registry } from "prom-client";
import type { PrismaClient } from "@/lib/db";

type Snapshot = {
  bookings: number;
  confirmations: number;
  cancellations: number;
  admissions: number;
  admittedSeats: number;
  undos: number;
  reservationsByStatus: { status: string; count: number }[];
  emailsByStatus: { status: string; count: number }[];
  queue: { ready: number; scheduled: number; running: number; failed: number };
};

export type MetricSources = {
  db: PrismaClient;
  /** The process's pool, once it exists. */
  pool: () => pg.Pool | undefined;
};

const SNAPSHOT_TTL_MS = 1000;
const SNAPSHOT_TIMEOUT_MS = 2000;

async function readSnapshot(db: PrismaClient): Promise<Snapshot> {
  const [totals] = await db.$queryRaw<
    {
      bookings: number;
      confirmations: number;
      cancellations: number;
      admissions: number;
      admitted_seats: number;
      undos: number;
    }[]
  >`SELECT
      (SELECT count(*) FROM reservations)::int AS bookings,
      (SELECT count(*) FROM reservations WHERE confirmed_at IS NOT NULL)::int AS confirmations,
      (SELECT count(*) FROM reservations WHERE cancelled_at IS NOT NULL)::int AS cancellations,
      (SELECT count(*) FROM check_in_admissions)::int AS admissions,
      (SELECT COALESCE(sum(seats), 0) FROM check_in_admissions)::int AS admitted_seats,
      (SELECT count(*) FROM check_in_admissions WHERE undone_at IS NOT NULL)::int AS undos`;
  const reservationsByStatus = await db.$queryRaw<{ status: string; count: number }[]>`
    SELECT status::text AS status, count(*)::int AS count FROM reservations GROUP BY status`;
  const emailsByStatus = await db.$queryRaw<{ status: string; count: number }[]>`
    SELECT status::text AS status, count(*)::int AS count FROM email_deliveries GROUP BY status`;
  const [queue] = await db.$queryRaw<Snapshot["queue"][]>`
    SELECT
      count(*) FILTER (WHERE locked_at IS NULL AND attempts < max_attempts AND run_at <= now())::int AS ready,
      count(*) FILTER (WHERE locked_at IS NULL AND attempts < max_attempts AND run_at > now())::int AS scheduled,
      count(*) FILTER (WHERE locked_at IS NOT NULL)::int AS running,
      count(*) FILTER (WHERE attempts >= max_attempts)::int AS failed
    FROM graphile_worker.jobs`;
  return {
    bookings: totals.bookings,
    confirmations: totals.confirmations,
    cancellations: totals.cancellations,
    admissions: totals.admissions,
    admittedSeats: totals.admitted_seats,
    undos: totals.undos,
    reservationsByStatus,
    emailsByStatus,
    queue,
  };
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  return Promise.race([
    promise,
    new Promise<T>((_, reject) => {
      timer = setTimeout(() => reject(new Error("timeout")), ms);
    }),
  ]).finally(() => clearTimeout(timer));
}

/** Counters whose value is read, not counted: set to what the database says. */
function setCounter(counter: Counter, value: number): void {
  counter.reset();
  counter.inc(value);
}

const JOB_OUTCOMES = "azionelab_jobs_total";

/**
 * Registers the app's metrics in `registry` once (later calls find them and do nothing)
 * and returns the counter of job outcomes the runner feeds.
 */
export function registerAppMetrics(registry: Registry, sources: MetricSources): Counter<string> {
  const existing = registry.getSingleMetric(JOB_OUTCOMES);
  if (existing) return existing as Counter<string>;

  let last: Snapshot | undefined;
  let lastReadAt = 0;
  let pending: Promise<void> | undefined;
  const up = new Gauge({
    name: "azionelab_metrics_database_up",
    help: "1 when the last scrape could read the database, 0 when it could not",
    registers: [registry],
  });
  const snapshot = (): Promise<Snapshot | undefined> => {
    if (Date.now() - lastReadAt < SNAPSHOT_TTL_MS) return Promise.resolve(last);
    pending ??= withTimeout(readSnapshot(sources.db), SNAPSHOT_TIMEOUT_MS)
      .then((read) => {
        last = read;
        up.set(1);
      })
      .catch(() => up.set(0))
      .finally(() => {
        lastReadAt = Date.now();
        pending = undefined;
      });
    return pending.then(() => last);
  };

  const totals: [string, string, (s: Snapshot) => number][] = [
    ["azionelab_bookings_total", "Reservations ever made (pending at first)", (s) => s.bookings],
    [
      "azionelab_confirmations_total",
      "Reservations ever confirmed (ticket issued)",
      (s) => s.confirmations,
    ],
    ["azionelab_cancellations_total", "Reservations cancelled", (s) => s.cancellations],
    [
      "azionelab_check_in_admissions_total",
      "Admissions at the door (a party may come in in parts), undone ones included",
      (s) => s.admissions,
    ],
    [
      "azionelab_check_in_admitted_seats_total",
      "Seats admitted at the door, undone ones included",
      (s) => s.admittedSeats,
    ],
    ["azionelab_check_in_undos_total", "Admissions undone", (s) => s.undos],
  ];
  for (const [name, help, read] of totals)
    new Counter({
      name,
      help,
      registers: [registry],
      async collect() {
        const read_ = await snapshot();
        if (read_) setCounter(this, read(read_));
      },
    });

  new Gauge({
    name: "azionelab_reservations",
    help: "Reservations by stored status",
    labelNames: ["status"],
    registers: [registry],
    async collect() {
      const read = await snapshot();
      if (!read) return;
      this.reset();
      for (const { status, count } of read.reservationsByStatus) this.set({ status }, count);
    },
  });
  new Gauge({
    name: "azionelab_email_deliveries",
    help: "Emails by delivery status (queued, retrying, sent, failed, skipped)",
    labelNames: ["status"],
    registers: [registry],
    async collect() {
      const read = await snapshot();
      if (!read) return;
      this.reset();
      for (const { status, count } of read.emailsByStatus) this.set({ status }, count);
    },
  });
  new Gauge({
    name: "azionelab_job_queue_jobs",
    help: "Jobs in the queue: ready to run, scheduled for later (retries), running, failed for good",
    labelNames: ["state"],
    registers: [registry],
    async collect() {
      const read = await snapshot();
      if (!read) return;
      for (const [state, count] of Object.entries(read.queue)) this.set({ state }, count);
    },
  });
  new Gauge({
    name: "azionelab_db_pool_connections",
    help: "This process's database pool: connections open, idle, and requests waiting for one",
    labelNames: ["state"],
    registers: [registry],
    collect() {
      const pool = sources.pool();
      this.set({ state: "total" }, pool?.totalCount ?? 0);
      this.set({ state: "idle" }, pool?.idleCount ?? 0);
      this.set({ state: "waiting" }, pool?.waitingCount ?? 0);
    },
  });
  new Gauge({
    name: "azionelab_db_pool_max",
    help: "This process's database pool size (DATABASE_POOL_SIZE)",
    registers: [registry],
    collect() {
      this.set(sources.pool()?.options.max ?? 0);
    },
  });
  return new Counter({
    name: JOB_OUTCOMES,
    help: "Jobs this process ran, by task and outcome (success, error: will be retried, failed: for good)",
    labelNames: ["task", "outcome"],
    registers: [registry],
  });
}
