import { execFileSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { confirmCheckIn, previewCheckIn } from "@/lib/check-ins/check-in";
import { db } from "@/lib/db";
import { PrismaClient } from "@/lib/generated/prisma/client";
import {
  backupDatabase,
  backupFileName,
  countUserTables,
  restoreDatabase,
} from "@/lib/operations/backup";
import {
  bookConfirmed,
  bookPending,
  createPerformance,
  createStaffUser,
} from "@/tests/support/factories";
import { createDatabase } from "@/tests/support/test-databases";

const serverUrl = process.env.TEST_SERVER_URL!;
// Named after this file's database, so the run's teardown drops them with it.
let restores = 0;
const restoreTarget = () =>
  createDatabase(
    serverUrl,
    `${new URL(process.env.DATABASE_URL!).pathname.slice(1)}_restore${(restores += 1)}`,
  );
const directory = mkdtempSync(path.join(os.tmpdir(), "azionelab-backup-"));

async function serverMajor(): Promise<number> {
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    const { rows } = await client.query<{ v: number }>(
      "SELECT current_setting('server_version_num')::int AS v",
    );
    return Math.floor(rows[0].v / 10000);
  } finally {
    await client.end();
  }
}

function pgDumpMajor(): number {
  try {
    return Number(
      /(\d+)\./.exec(execFileSync("pg_dump", ["--version"], { encoding: "utf8" }))?.[1],
    );
  } catch {
    return 0;
  }
}

// pg_dump refuses a newer server: the embedded PostgreSQL (18) needs a pg_dump 18, which
// the machine may not have. CI runs on the machine's PostgreSQL with its own pg_dump.
const canDump = pgDumpMajor() >= (await serverMajor());
const restored: PrismaClient[] = [];

afterAll(async () => {
  for (const client of restored) await client.$disconnect();
});

describe.skipIf(!canDump)("db:backup and db:restore", () => {
  it("a restored backup keeps the tickets valid, the check-ins kept and no raw token", async () => {
    const performance = await createPerformance();
    const staff = await createStaffUser();
    const admitted = await bookConfirmed(performance.id);
    const coming = await bookConfirmed(performance.id);
    await bookPending(performance.id);
    expect(
      await confirmCheckIn({
        db,
        target: { token: admitted.checkInToken },
        staff,
        source: "qr_scan",
      }),
    ).toMatchObject({ ok: true });

    const file = await backupDatabase({
      connectionString: process.env.DATABASE_URL!,
      directory,
    });
    expect(path.basename(file)).toMatch(/^azionelab-\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}Z\.dump$/);

    const target = await restoreTarget();
    expect(await restoreDatabase({ connectionString: target, file })).toEqual({ ok: true });

    const copy = new PrismaClient({ adapter: new PrismaPg({ connectionString: target }) });
    restored.push(copy);
    expect(
      await previewCheckIn({ db: copy, target: { token: coming.checkInToken } }),
    ).toMatchObject({ ok: true, status: "valid" });
    expect(
      await previewCheckIn({ db: copy, target: { token: admitted.checkInToken } }),
    ).toMatchObject({ ok: false, reason: "already_checked_in" });
    expect(await copy.checkIn.count()).toBe(await db.checkIn.count());
    for (const raw of [admitted.checkInToken, coming.checkInToken, admitted.confirmationToken]) {
      const [{ hits }] = await copy.$queryRawUnsafe<{ hits: number }[]>(
        `SELECT count(*)::int AS hits FROM reservation_tokens t
          WHERE strpos(row_to_json(t)::text, $1) > 0`,
        raw,
      );
      expect(hits).toBe(0);
    }
  });

  it("refuses to restore into a database that has tables, unless forced", async () => {
    const file = await backupDatabase({
      connectionString: process.env.DATABASE_URL!,
      directory,
    });
    const target = process.env.DATABASE_URL!;
    const tables = await countUserTables(target);
    expect(await restoreDatabase({ connectionString: target, file })).toEqual({
      ok: false,
      reason: "not_empty",
      tables,
    });
    const other = await restoreTarget();
    await restoreDatabase({ connectionString: other, file });
    expect(await restoreDatabase({ connectionString: other, file, force: true })).toEqual({
      ok: true,
    });
    expect(await countUserTables(other)).toBe(tables);
  });
});

describe("backup file names", () => {
  it("are named with the time and never contain a colon", () => {
    expect(backupFileName(new Date("2026-12-01T01:30:05.123Z"))).toBe(
      "azionelab-2026-12-01T01-30-05Z.dump",
    );
  });
});
