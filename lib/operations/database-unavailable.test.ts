// Real failures through the app's pool and Prisma adapter: the ones that mean "the
// database cannot answer now" are recognised (answered 503 + Retry-After), the others
// (a bug, a constraint) are not.
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { createPool, prismaOnPool, type PrismaClient } from "@/lib/db";
import { isDatabaseUnavailable } from "@/lib/operations/database-unavailable";

const url = process.env.DATABASE_URL!;
const clients: PrismaClient[] = [];
function client(connectionString: string, poolSize = 2, statementTimeoutMs = 300) {
  const made = prismaOnPool(
    createPool(connectionString, {
      poolSize,
      connectionTimeoutMs: 300,
      statementTimeoutMs,
      lockTimeoutMs: 200,
    }),
    300,
  );
  clients.push(made);
  return made;
}
afterAll(() => Promise.all(clients.map((made) => made.$disconnect())));

async function failure(action: () => Promise<unknown>): Promise<unknown> {
  try {
    await action();
  } catch (error) {
    return error;
  }
  throw new Error("expected a failure");
}

describe("isDatabaseUnavailable", () => {
  it("recognises a statement cut by statement_timeout and a lock wait cut by lock_timeout", async () => {
    const db = client(url);
    expect(isDatabaseUnavailable(await failure(() => db.$queryRaw`SELECT pg_sleep(2)::text`))).toBe(
      true,
    );
    const holder = new pg.Client({ connectionString: url });
    await holder.connect();
    try {
      await holder.query("BEGIN");
      await holder.query("SELECT id FROM performances FOR UPDATE");
      await holder.query("LOCK TABLE performances IN ACCESS EXCLUSIVE MODE");
      const locked = await failure(() =>
        db.$transaction((tx) => tx.$queryRaw`SELECT id FROM performances FOR UPDATE`),
      );
      expect(isDatabaseUnavailable(locked)).toBe(true);
    } finally {
      await holder.query("ROLLBACK");
      await holder.end();
    }
  });

  it("recognises connections killed by pg_terminate_backend, and the pool recovers", async () => {
    const db = client(url, 2, 5000);
    await db.$queryRaw`SELECT 1`;
    // Prisma's queries start when awaited or chained.
    const running = failure(() => db.$queryRaw`SELECT pg_sleep(3)::text`);
    await new Promise((resolve) => setTimeout(resolve, 300));
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(
      `SELECT pg_terminate_backend(pid) FROM pg_stat_activity
        WHERE datname = current_database() AND pid <> pg_backend_pid()`,
    );
    await admin.end();
    expect(isDatabaseUnavailable(await running)).toBe(true);
    expect(await db.$queryRaw`SELECT 1 AS one`).toEqual([{ one: 1 }]);
  });

  it("recognises an unreachable server and an exhausted pool", async () => {
    const nowhere = client("postgresql://postgres@127.0.0.1:1/nowhere");
    expect(isDatabaseUnavailable(await failure(() => nowhere.$queryRaw`SELECT 1`))).toBe(true);
    expect(
      isDatabaseUnavailable(
        await failure(() => nowhere.$transaction((tx) => tx.$queryRaw`SELECT 1`)),
      ),
    ).toBe(true);

    const single = client(url, 1, 5000);
    const busy = single.$queryRaw`SELECT pg_sleep(1)::text`.then(() => undefined);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(isDatabaseUnavailable(await failure(() => single.$queryRaw`SELECT 1`))).toBe(true);
    await busy;
  });

  it("does not excuse a bug or a refused write", async () => {
    const db = client(url);
    expect(
      isDatabaseUnavailable(await failure(() => db.$queryRaw`SELECT * FROM no_such_table`)),
    ).toBe(false);
    expect(
      isDatabaseUnavailable(
        await failure(() => db.$executeRaw`INSERT INTO performances (id) VALUES (NULL)`),
      ),
    ).toBe(false);
    expect(isDatabaseUnavailable(new TypeError("x is undefined"))).toBe(false);
    expect(isDatabaseUnavailable(null)).toBe(false);
  });
});
