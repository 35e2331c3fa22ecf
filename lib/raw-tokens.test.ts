import { describe, expect, it } from "vitest";
import { confirmCheckIn } from "@/lib/check-ins/check-in";
import { db } from "@/lib/db";
import { confirmReservation } from "@/lib/reservations/confirm-reservation";
import { cancelReservation } from "@/lib/reservations/cancel-reservation";
import { sendReminders } from "@/lib/audience/reminders";
import { deliverQueuedEmails } from "@/tests/support/email-jobs";
import { joinConfirmed } from "@/tests/support/waitlist";
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

describe("raw tokens of the waiting list and the audience are never stored", () => {
  it("no column of any table holds a list entry's, an offer's, a reminder's or an unsubscribe link", async () => {
    // A full performance with one party waiting; a reminder due for another one.
    const performance = await createPerformance({ roomCapacity: 2 });
    const booked = await bookPending(performance.id, 2);
    const confirmed = await confirmReservation({
      db,
      token: booked.confirmationToken,
      settings: TEST_SETTINGS,
    });
    if (!confirmed.ok) throw new Error(confirmed.reason);
    const entry = await joinConfirmed(performance.id, 2);
    const tomorrow = await createPerformance({ startsAt: new Date(Date.now() + 30 * 3_600_000) });
    const reminded = await bookPending(tomorrow.id, 1);
    await confirmReservation({ db, token: reminded.confirmationToken, settings: TEST_SETTINGS });
    await db.reservation.update({
      where: { id: reminded.reservationId },
      data: { confirmedAt: new Date(Date.now() - 3 * 86_400_000) },
    });
    expect(
      await sendReminders({
        db,
        settings: { hour: 0, timeZone: "UTC" },
        tokenSettings: TEST_SETTINGS,
        now: new Date(Date.now() + 6 * 3_600_000),
      }),
    ).toBe(1);
    await cancelReservation({ db, reservationId: confirmed.reservationId }); // offers the seats

    // Every row of every table (the queued jobs' payloads included), before delivery...
    const tables = await db.$queryRaw<{ table_schema: string; table_name: string }[]>`
      SELECT table_schema, table_name FROM information_schema.tables
      WHERE table_schema IN ('public', 'graphile_worker') AND table_type = 'BASE TABLE'`;
    const rows: string[] = [];
    for (const { table_schema, table_name } of tables)
      for (const { row } of await db.$queryRawUnsafe<{ row: string }[]>(
        `SELECT row_to_json(t)::text AS row FROM "${table_schema}"."${table_name}" t`,
      ))
        rows.push(`${table_schema}.${table_name}: ${row}`);

    // ...against every link the emails then carried.
    const mails = await deliverQueuedEmails();
    const links = mails.flatMap((mail) =>
      [...mail.text.matchAll(/(\/[a-z/]+)#token=([A-Za-z0-9_-]{43})/g)].map(([, path, token]) => ({
        path,
        token,
      })),
    );
    const paths = new Set(links.map((link) => link.path));
    for (const path of ["/waitlist/offer", "/waitlist/leave", "/ticket", "/unsubscribe"])
      expect(paths).toContain(path);
    for (const raw of [entry.optInToken, ...links.map((link) => link.token)])
      expect(rows.filter((row) => row.includes(raw))).toEqual([]);
  });
});
