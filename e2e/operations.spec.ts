// Operations, against the production build run as deployed (soak/cluster.ts): structured
// request logs without personal data, authenticated Prometheus metrics, a graceful
// shutdown that finishes the request in flight and exits 0, and 503 + Retry-After (never
// 500) while the database is down or too slow, recovering without a restart.
import { randomBytes } from "node:crypto";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { createBenchPerformance, insertPendingReservations } from "@/bench/fixtures";
import {
  clusterSecret,
  createClusterDatabase,
  openSql,
  startInstance,
  type ClusterDatabase,
  type Instance,
} from "@/soak/cluster";
import { startDbProxy, type DbProxy } from "@/soak/db-proxy";

const serverUrl = process.env.DATABASE_URL;
test.skip(!serverUrl, "needs DATABASE_URL naming a PostgreSQL server");
test.describe.configure({ mode: "serial", timeout: 180_000 });

const METRICS_TOKEN = randomBytes(24).toString("base64url");
let database: ClusterDatabase;
let proxy: DbProxy;
let instance: Instance;
let sql: ReturnType<typeof openSql>;

test.beforeAll(async () => {
  test.setTimeout(180_000);
  database = await createClusterDatabase(serverUrl!, "azionelab_ops");
  sql = openSql(database.url);
  proxy = await startDbProxy(database.url);
  instance = await startInstance({
    name: "ops",
    databaseUrl: proxy.urlFor(database.url),
    secret: clusterSecret(),
    mailDir: path.join(tmpdir(), `azionelab-ops-mail-${randomBytes(4).toString("hex")}`),
    env: {
      METRICS_TOKEN,
      RATE_LIMIT: "off",
      LOG_LEVEL: "info",
      // Long enough for the shutdown test's request to wait on a lock; the slow-database
      // test holds its lock longer still.
      DATABASE_LOCK_TIMEOUT_MS: "4000",
      DATABASE_CONNECTION_TIMEOUT_MS: "2000",
    },
  });
});

test.afterAll(async () => {
  await instance?.dispose();
  await sql?.end();
  await proxy?.close();
  await database?.drop();
});

function logLines(output: string): Record<string, unknown>[] {
  return output
    .split("\n")
    .filter((line) => line.startsWith("{"))
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

test("request logs are pino JSON lines with route and status, and no personal data", async () => {
  const { performanceId } = await createBenchPerformance(sql, {
    label: "ops-log",
    capacity: 10,
    published: true,
  });
  const email = `ops-${randomBytes(3).toString("hex")}@example.org`;
  const booked = await fetch(`${instance.baseUrl}/api/performances/${performanceId}/reservations`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ name: "Giulia Verdi", email, phone: "+39 333 1234567", party_size: 2 }),
  });
  expect(booked.status).toBe(201);
  await fetch(`${instance.baseUrl}/api/check-ins/search?q=Verdi`);

  await expect
    .poll(() =>
      logLines(instance.output()).some(
        (line) => line.msg === "request" && line.route === "/api/performances/:id/reservations",
      ),
    )
    .toBe(true);
  const line = logLines(instance.output()).find(
    (entry) => entry.route === "/api/performances/:id/reservations",
  )!;
  expect(line).toMatchObject({
    level: "info",
    method: "POST",
    path: `/api/performances/${performanceId}/reservations`,
    status: 201,
  });
  expect(typeof line.request_id).toBe("string");
  expect(typeof line.duration_ms).toBe("number");
  expect(typeof line.time).toBe("string");
  const output = instance.output();
  for (const secret of [email, "Giulia", "Verdi", "333 1234567"])
    expect(output).not.toContain(secret);
});

test("GET /api/metrics needs the bearer token (401), or is not found without one configured (404)", async ({
  request,
}) => {
  expect((await fetch(`${instance.baseUrl}/api/metrics`)).status).toBe(401);
  const wrong = await fetch(`${instance.baseUrl}/api/metrics`, {
    headers: { authorization: `Bearer ${METRICS_TOKEN}x` },
  });
  expect(wrong.status).toBe(401);
  // The e2e server runs without METRICS_TOKEN.
  expect((await request.get("/api/metrics")).status()).toBe(404);

  const scrape = () =>
    fetch(`${instance.baseUrl}/api/metrics`, {
      headers: { authorization: `Bearer ${METRICS_TOKEN}` },
    });
  // The booking's confirmation email is counted once its job returned.
  await expect
    .poll(async () => (await (await scrape()).text()).includes('outcome="success"'))
    .toBe(true);
  const response = await scrape();
  expect(response.status).toBe(200);
  expect(response.headers.get("content-type")).toContain("text/plain");
  const text = await response.text();
  expect(text).toMatch(
    /http_requests_total\{method="POST",route="\/api\/performances\/:id\/reservations",status="201"\} 1/,
  );
  expect(text).toMatch(
    /http_request_duration_seconds_bucket\{le="0.5",method="GET",route="\/api\/health",status="200"\} \d+/,
  );
  expect(text).toMatch(/azionelab_db_pool_connections\{state="total"\} [1-9]/);
  expect(text).toMatch(/azionelab_job_queue_jobs\{state="ready"\} \d+/);
  expect(text).toMatch(/azionelab_bookings_total 1\b/);
  expect(text).toMatch(/azionelab_check_in_admissions_total 0\b/);
  expect(text).toMatch(/azionelab_jobs_total\{task="send_email",outcome="success"\} 1/);
  expect(text).toMatch(/process_resident_memory_bytes \d+/);
});

test("/api/ready reports the job runner alive", async () => {
  const ready = await fetch(`${instance.baseUrl}/api/ready`);
  expect(ready.status).toBe(200);
  expect(await ready.json()).toEqual({
    status: "ready",
    database: "ok",
    migrations: "current",
    job_runner: "running",
  });
});

async function confirmRequest(token: string) {
  const response = await fetch(`${instance.baseUrl}/api/reservations/confirm`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ token }),
  });
  return { status: response.status, retryAfter: response.headers.get("retry-after") };
}

/** Holds the performance row's lock (what every confirmation takes) until released. */
async function holdPerformanceLock(performanceId: number) {
  const client = await sql.connect();
  await client.query("BEGIN");
  await client.query("SELECT id FROM performances WHERE id = $1 FOR UPDATE", [performanceId]);
  return async () => {
    await client.query("ROLLBACK");
    client.release();
  };
}

test("a slow database (a lock held longer than lock_timeout) answers 503 with Retry-After, then recovers", async () => {
  const { performanceId } = await createBenchPerformance(sql, {
    label: "ops-slow",
    capacity: 10,
    published: true,
  });
  const [first, second] = await insertPendingReservations(sql, performanceId, 2);
  const release = await holdPerformanceLock(performanceId);
  const started = Date.now();
  const blocked = await confirmRequest(first);
  const waitedMs = Date.now() - started;
  await release();
  expect(blocked).toEqual({ status: 503, retryAfter: "5" });
  expect(waitedMs).toBeLessThan(10_000);
  expect((await confirmRequest(second)).status).toBe(200);
  expect((await confirmRequest(first)).status).toBe(200);
});

test("while PostgreSQL is down every answer is 503 with Retry-After, and the app recovers without a restart", async () => {
  const { performanceId, showSlug } = await createBenchPerformance(sql, {
    label: "ops-down",
    capacity: 10,
    published: true,
  });
  const [token] = await insertPendingReservations(sql, performanceId, 1);
  proxy.down();
  try {
    // A cached page never rendered yet, asked for by several visitors at once: Next
    // renders it once for all of them, and every one of them gets the 503.
    const together = await Promise.all(
      Array.from({ length: 6 }, () => fetch(`${instance.baseUrl}/shows/${showSlug}`)),
    );
    expect(
      together.map((response) => `${response.status} ${response.headers.get("retry-after")}`),
    ).toEqual(Array.from({ length: 6 }, () => "503 5"));
    for (const probe of ["/api/health", "/api/ready"]) {
      const response = await fetch(`${instance.baseUrl}${probe}`);
      expect(response.status, probe).toBe(503);
      expect(response.headers.get("retry-after"), probe).toBe("5");
    }
    expect(await confirmRequest(token)).toEqual({ status: 503, retryAfter: "5" });
    const booking = await fetch(`${instance.baseUrl}/shows/x/${performanceId}`);
    expect(booking.status).toBe(503);
    expect(booking.headers.get("retry-after")).toBe("5");
  } finally {
    proxy.up();
  }
  await expect
    .poll(async () => (await fetch(`${instance.baseUrl}/api/ready`)).status, {
      timeout: 30_000,
    })
    .toBe(200);
  expect((await confirmRequest(token)).status).toBe(200);
  expect(instance.exited()).toBeNull();
});

test("SIGTERM: stops accepting, finishes the request in flight and the jobs, closes the pool, exits 0", async () => {
  const { performanceId } = await createBenchPerformance(sql, {
    label: "ops-term",
    capacity: 10,
    published: true,
  });
  const [token] = await insertPendingReservations(sql, performanceId, 1);
  const release = await holdPerformanceLock(performanceId);
  const inFlight = confirmRequest(token);
  // The confirmation is now waiting on the lock inside the server.
  await expect
    .poll(async () => {
      const { rows } = await sql.query<{ waiting: number }>(
        `SELECT count(*)::int AS waiting FROM pg_stat_activity
          WHERE datname = current_database() AND wait_event_type = 'Lock'`,
      );
      return rows[0].waiting;
    })
    .toBe(1);
  const stopped = instance.stop();
  // New connections are refused while the request in flight goes on.
  await expect
    .poll(async () =>
      fetch(`${instance.baseUrl}/api/health`).then(
        () => "accepted",
        () => "refused",
      ),
    )
    .toBe("refused");
  expect(instance.exited()).toBeNull();
  await new Promise((resolve) => setTimeout(resolve, 500));
  await release();
  expect((await inFlight).status).toBe(200);
  expect(await stopped).toEqual({ code: 0, signal: null });
  const messages = logLines(instance.output()).map((line) => line.msg);
  expect(messages).toContain("shutting down");
  expect(messages.at(-1)).toBe("stopped");
  // The ticket email queued by that confirmation was sent (by this runner before it
  // stopped) or is still queued for another runner: never lost.
  const { rows } = await sql.query<{ status: string }>(
    `SELECT e.status::text AS status FROM email_deliveries e JOIN reservations r ON r.id = e.reservation_id
      WHERE r.performance_id = $1 AND e.kind = 'ticket'`,
    [performanceId],
  );
  expect(rows.map((row) => row.status)).toEqual([expect.stringMatching(/^(sent|queued)$/)]);
  // The runner finished its jobs before the pool closed.
  const steps = logLines(instance.output())
    .filter((line) => line.msg === "shutdown step done")
    .map((line) => line.step);
  expect(steps).toEqual(["job runner", "database pool"]);
});
