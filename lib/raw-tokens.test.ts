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
  it("no column of any table contains a raw token after book -> confirm -> check-in", async () => {
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

    const tables = await db.$queryRaw<{ table_name: string }[]>`
      SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'`;
    expect(tables.length).toBeGreaterThanOrEqual(8);
    for (const raw of [booked.confirmationToken, confirmed.checkInToken]) {
      for (const { table_name } of tables) {
        // Every column of every row, as text: a raw token anywhere would show up here.
        const [{ hits }] = await db.$queryRawUnsafe<{ hits: number }[]>(
          `SELECT count(*)::int AS hits FROM "${table_name}" t WHERE strpos(row_to_json(t)::text, $1) > 0`,
          raw,
        );
        expect({ table: table_name, hits }).toEqual({ table: table_name, hits: 0 });
      }
    }
  });
});
