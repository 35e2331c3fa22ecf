// Where confirm-hot's time goes, measured in-process (no HTTP, no Next): the same race of
// one-seat confirmations through successively more of the app's layers.
//   npx tsx bench/profile-confirm.ts
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { PrismaPg } from "@prisma/adapter-pg";
import { openBenchDatabase, openPool } from "@/bench/database";
import { createBenchPerformance, insertPendingReservations } from "@/bench/fixtures";
import { summarize } from "@/bench/load";
import { runConfirmCeiling } from "@/bench/scenarios/confirm-ceiling";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { TEST_SETTINGS } from "@/tests/support/factories";
import { confirmReservation } from "@/lib/reservations/confirm-reservation";
import { ticketQrPng } from "@/lib/reservations/ticket-qr";
import { generateToken } from "@/lib/tokens";

const CAPACITY = 500;
const RESERVATIONS = 2000;
const CONCURRENCY = 32;

const database = await openBenchDatabase();
process.env.DATABASE_URL = database.url;
const sql = openPool(database.url);
const mailDir = await mkdtemp(path.join(tmpdir(), "azionelab-profile-mail-"));

async function race(
  label: string,
  poolSize: number,
  confirm: (db: PrismaClient, token: string) => Promise<unknown>,
) {
  const db = new PrismaClient({
    adapter: new PrismaPg({ connectionString: database.url, max: poolSize }),
  });
  const { performanceId } = await createBenchPerformance(sql, {
    label: "profile",
    capacity: CAPACITY,
    published: true,
  });
  const tokens = await insertPendingReservations(sql, performanceId, RESERVATIONS);
  await Promise.all(Array.from({ length: poolSize }, () => db.$queryRaw`SELECT 1`));
  const latencies: number[] = [];
  let next = 0;
  const startedAt = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      for (let token = tokens[next++]; token !== undefined; token = tokens[next++]) {
        const sentAt = performance.now();
        await confirm(db, token);
        latencies.push(performance.now() - sentAt);
      }
    }),
  );
  const summary = summarize(latencies, performance.now() - startedAt);
  console.log(
    `${label.padEnd(52)} ${summary.perSecond.toFixed(0).padStart(5)}/s  p50 ${summary.p50.toFixed(0).padStart(4)} ms  p95 ${summary.p95.toFixed(0).padStart(4)} ms`,
  );
  await db.$disconnect();
}

try {
  const ceiling = await runConfirmCeiling({
    databaseUrl: database.url,
    capacity: CAPACITY,
    reservations: RESERVATIONS,
    connections: CONCURRENCY,
  });
  console.log(
    `${"raw pg, 4 round trips (the ceiling)".padEnd(52)} ${ceiling.latency.perSecond.toFixed(0).padStart(5)}/s  p50 ${ceiling.latency.p50.toFixed(0).padStart(4)} ms  p95 ${ceiling.latency.p95.toFixed(0).padStart(4)} ms`,
  );
  const confirmOnly = (db: PrismaClient, token: string) =>
    confirmReservation({ db, token, settings: TEST_SETTINGS });
  await race("confirmReservation (Prisma, pool 10)", 10, confirmOnly);
  await race("confirmReservation (Prisma, pool 32)", 32, confirmOnly);
  const startedAt = performance.now();
  for (let i = 0; i < 100; i += 1) ticketQrPng(generateToken());
  console.log(`ticketQrPng alone: ${((performance.now() - startedAt) / 100).toFixed(1)} ms each`);
} finally {
  await sql.end();
  await database.close();
  await rm(mailDir, { recursive: true, force: true });
}
