// Two production instances on one database, requests spread over both (what a proxy in
// front of several instances does): everything they share lives in PostgreSQL, so a rate
// limit counts across them, a session made on one works on the other and a revoked one
// on neither, and a cached public page is no more than 2 s stale on either.
import { randomBytes } from "node:crypto";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import {
  createBenchPerformance,
  createStaffUser,
  insertPendingReservations,
} from "@/bench/fixtures";
import { signIn } from "@/bench/staff-session";
import {
  clusterSecret,
  createClusterDatabase,
  openSql,
  startInstance,
  type ClusterDatabase,
  type Instance,
} from "@/soak/cluster";

const serverUrl = process.env.DATABASE_URL;
test.skip(!serverUrl, "needs DATABASE_URL naming a PostgreSQL server");
test.describe.configure({ mode: "serial", timeout: 180_000 });

let database: ClusterDatabase;
let sql: ReturnType<typeof openSql>;
let instances: Instance[] = [];

test.beforeAll(async () => {
  test.setTimeout(240_000);
  database = await createClusterDatabase(serverUrl!, "azionelab_pair");
  sql = openSql(database.url);
  const secret = clusterSecret();
  const mailDir = path.join(tmpdir(), `azionelab-pair-mail-${randomBytes(4).toString("hex")}`);
  // One after the other: two Next servers starting at once on two cores are slow.
  for (const name of ["a", "b"])
    instances.push(
      await startInstance({
        name,
        databaseUrl: database.url,
        secret,
        mailDir,
        env: { RATE_LIMIT: "on", LOG_LEVEL: "warn" },
      }),
    );
});

test.afterAll(async () => {
  await Promise.all(instances.map((instance) => instance.dispose()));
  instances = [];
  await sql?.end();
  await database?.drop();
});

test("a rate limit counts the requests of both instances together", async () => {
  const { performanceId } = await createBenchPerformance(sql, {
    label: "pair-limit",
    capacity: 500,
    published: true,
  });
  const statuses: number[] = [];
  for (let i = 0; i < 14; i += 1) {
    const instance = instances[i % 2];
    const response = await fetch(
      `${instance.baseUrl}/api/performances/${performanceId}/reservations`,
      {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({
          name: `Visitor ${i}`,
          email: `pair-${i}@example.org`,
          party_size: 1,
        }),
      },
    );
    statuses.push(response.status);
    if (response.status === 429) expect(response.headers.get("retry-after")).toMatch(/^\d+$/);
  }
  // The booking limit is 10 per address: 5 on each instance, then refused on both.
  expect(statuses.slice(0, 10)).toEqual(Array(10).fill(201));
  expect(statuses.slice(10)).toEqual([429, 429, 429, 429]);
});

test("a session made on one instance works on the other, and once revoked on neither", async () => {
  const staff = await createStaffUser(sql);
  const { performanceId } = await createBenchPerformance(sql, { label: "pair-door", capacity: 5 });
  const [a, b] = instances;
  const cookie = await signIn(a.baseUrl, staff);
  const search = (instance: Instance) =>
    fetch(`${instance.baseUrl}/api/check-ins/search?performance_id=${performanceId}&q=ro`, {
      headers: { cookie },
    });
  expect((await search(a)).status).toBe(200);
  expect((await search(b)).status).toBe(200);

  // What "sign out everywhere" and deactivation do: the session version moves on.
  await sql.query("UPDATE users SET session_version = session_version + 1 WHERE id = $1", [
    staff.userId,
  ]);
  expect((await search(a)).status).toBe(401);
  expect((await search(b)).status).toBe(401);
});

test("a cached show page is at most 2 s stale on either instance", async () => {
  const capacity = 983;
  const { performanceId, showSlug } = await createBenchPerformance(sql, {
    label: "pair-fresh",
    capacity,
    published: true,
  });
  const [token] = await insertPendingReservations(sql, performanceId, 1, 3);
  const shows = async (instance: Instance, seats: number) =>
    new RegExp(`(^|[^0-9.,])${seats}([^0-9.,]|$)`).test(
      await (await fetch(`${instance.baseUrl}/shows/${showSlug}`)).text(),
    );
  // Both instances have the page in their cache.
  for (const instance of instances) expect(await shows(instance, capacity)).toBe(true);

  const confirmed = await fetch(`${instances[0].baseUrl}/api/reservations/confirm`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ token }),
  });
  expect(confirmed.status).toBe(200);
  const confirmedAt = Date.now();
  // Visitors keep asking both instances: when was the old count last given to a request?
  const lastOldAnswer = await Promise.all(
    instances.map(async (instance) => {
      let askedLast = -Infinity;
      for (;;) {
        const asked = Date.now() - confirmedAt;
        if (await shows(instance, capacity - 3)) return askedLast;
        askedLast = asked;
        if (asked > 10_000) return Infinity;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    }),
  );
  // Stale means a request gets the count as it was before the change: none made 2 s or
  // more after it does. A page is served at most 1 s after its last render; a request
  // after that waits for a fresh render (expireTime = revalidate = 1), so how long that
  // render takes on a busy machine delays the answer but never makes it stale.
  for (const asked of lastOldAnswer) expect(asked).toBeLessThan(2000);
});
