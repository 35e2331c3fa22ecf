import { describe, expect, it } from "vitest";
import { confirmCheckIn } from "@/lib/check-ins/check-in";
import { db } from "@/lib/db";
import { confirmReservation } from "@/lib/reservations/confirm-reservation";
import {
  bookPending,
  createPerformance,
  createStaffUser,
  TEST_SETTINGS,
} from "@/tests/support/factories";

describe("raw tokens are never stored", () => {
  it("no column of any table (the job queue's included) contains a raw token after book -> confirm -> check-in", async () => {
    const performance = await createPerformance();
    const staff = await createStaffUser();
    const booked = await bookPending(performance.id);
    const confirmed = await confirmReservation({
      db,
      token: booked.confirmationToken,
      settings: TEST_SETTINGS,
    });
    if (!confirmed.ok) throw new Error(confirmed.reason);
    expect(
      await confirmCheckIn({
        db,
        target: { token: confirmed.checkInToken },
        staff: staff,
        source: "qr_scan",
        nonce: "n-1",
      }),
    ).toMatchObject({ ok: true });

    // The email jobs (confirmation link, ticket) are still queued: their payloads count too.
    const [{ jobs }] = await db.$queryRaw<{ jobs: number }[]>`
      SELECT count(*)::int AS jobs FROM graphile_worker.jobs WHERE task_identifier = 'send_email'`;
    expect(jobs).toBe(2);

    const tables = await db.$queryRaw<{ table_schema: string; table_name: string }[]>`
      SELECT table_schema, table_name FROM information_schema.tables
      WHERE table_schema IN ('public', 'graphile_worker') AND table_type = 'BASE TABLE'`;
    expect(tables.length).toBeGreaterThanOrEqual(12);
    for (const raw of [booked.confirmationToken, confirmed.checkInToken]) {
      for (const { table_schema, table_name } of tables) {
        const table = `${table_schema}.${table_name}`;
        // Every column of every row, as text: a raw token anywhere would show up here.
        const [{ hits }] = await db.$queryRawUnsafe<{ hits: number }[]>(
          `SELECT count(*)::int AS hits FROM "${table_schema}"."${table_name}" t WHERE strpos(row_to_json(t)::text, $1) > 0`,
          raw,
        );
        expect({ table, hits }).toEqual({ table, hits: 0 });
      }
    }
  });
});
