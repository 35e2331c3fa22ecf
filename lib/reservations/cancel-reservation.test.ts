import pg from "pg";
import { describe, expect, it } from "vitest";
import { getAvailability } from "@/lib/availability";
import { confirmCheckIn, previewCheckIn } from "@/lib/check-ins/check-in";
import { db } from "@/lib/db";
import {
  cancelReservation,
  cancelReservationWithTicket,
} from "@/lib/reservations/cancel-reservation";
import { confirmReservation } from "@/lib/reservations/confirm-reservation";
import { expireReservations } from "@/lib/reservations/expire-reservations";
import { addHours } from "@/lib/time";
import {
  bookConfirmed,
  bookPending,
  createPerformance,
  createStaffUser,
  TEST_SETTINGS,
} from "@/tests/support/factories";

describe("cancel and expire", () => {
  it("a visitor's cancellation frees the seats and invalidates the QR", async () => {
    const performance = await createPerformance({ roomCapacity: 4 });
    const booked = await bookConfirmed(performance.id, 4);
    expect(await getAvailability(db, performance.id)).toMatchObject({ availableSeats: 0 });

    expect(await cancelReservationWithTicket({ db, token: booked.checkInToken })).toMatchObject({
      ok: true,
    });

    expect(await getAvailability(db, performance.id)).toMatchObject({ availableSeats: 4 });
    expect(await previewCheckIn({ db, target: { token: booked.checkInToken } })).toMatchObject({
      ok: false,
      reason: "reservation_not_confirmed",
    });
    expect(await cancelReservationWithTicket({ db, token: booked.checkInToken })).toMatchObject({
      ok: false,
      reason: "already_cancelled",
    });
  });

  it("refuses to cancel a party that already came in, and a visitor's cancellation after the start", async () => {
    const performance = await createPerformance();
    const staff = await createStaffUser();
    const inside = await bookConfirmed(performance.id);
    await confirmCheckIn({
      db,
      target: { token: inside.checkInToken },
      staff: staff,
      source: "qr_scan",
    });
    const late = await bookConfirmed(performance.id);

    expect(await cancelReservation({ db, reservationId: inside.reservationId })).toMatchObject({
      ok: false,
      reason: "already_checked_in",
    });
    expect(
      await cancelReservationWithTicket({
        db,
        token: late.checkInToken,
        now: addHours(performance.startsAt, 1),
      }),
    ).toMatchObject({ ok: false, reason: "performance_started" });
    expect(
      await db.reservation.count({ where: { performanceId: performance.id, status: "confirmed" } }),
    ).toBe(2);
  });

  it("a cancelled pending reservation can no longer be confirmed", async () => {
    const performance = await createPerformance();
    const booked = await bookPending(performance.id);
    await cancelReservation({ db, reservationId: booked.reservationId });

    expect(
      await confirmReservation({ db, token: booked.confirmationToken, settings: TEST_SETTINGS }),
    ).toMatchObject({ ok: false });
    expect(
      await db.reservation.findUniqueOrThrow({ where: { id: booked.reservationId } }),
    ).toMatchObject({ status: "cancelled" });
  });

  it("expires pending reservations whose confirmation link expired, and only those", async () => {
    const performance = await createPerformance();
    const stale = await bookPending(performance.id, 1, addHours(new Date(), -30));
    const fresh = await bookPending(performance.id, 1);

    expect(await expireReservations({ db })).toBe(1);

    expect(
      await db.reservation.findUniqueOrThrow({ where: { id: stale.reservationId } }),
    ).toMatchObject({ status: "expired" });
    expect(
      await db.reservation.findUniqueOrThrow({ where: { id: fresh.reservationId } }),
    ).toMatchObject({ status: "pending" });
  });

  it("follows a reservation the box office moved while the cancellation waited, without deadlocking a confirmation there", async () => {
    const from = await createPerformance();
    const to = await createPerformance();
    const booked = await bookConfirmed(from.id);
    const connect = async () => {
      const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
      await client.connect();
      return client;
    };
    const [mover, other, watcher] = [await connect(), await connect(), await connect()];
    // Resolves once `sessions` sessions wait for transaction `xid`'s locks.
    const waitingFor = async (xid: string, sessions: number) => {
      for (let tries = 0; tries < 200; tries++) {
        const { rows } = await watcher.query<{ n: number }>(
          `SELECT count(*)::int AS n FROM pg_locks
            WHERE NOT granted AND locktype = 'transactionid' AND transactionid::text = $1`,
          [xid],
        );
        if (rows[0].n >= sessions) return;
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
      throw new Error(`nobody came to wait for transaction ${xid}`);
    };
    try {
      // The move, not yet committed: it holds the old performance and the reservation.
      await mover.query("BEGIN");
      await mover.query("SELECT id FROM performances WHERE id = $1 FOR UPDATE", [from.id]);
      await mover.query("UPDATE reservations SET performance_id = $1 WHERE id = $2", [
        to.id,
        booked.reservationId,
      ]);
      const moverXid = (await mover.query("SELECT pg_current_xact_id()::text AS x")).rows[0].x;
      // A confirmation at the new performance waits for the move to take that
      // performance's lock; the cancellation read the old performance and waits for it.
      await other.query("BEGIN");
      const confirmationLocked = other.query(
        "SELECT id FROM performances WHERE id = $1 FOR UPDATE",
        [to.id],
      );
      const cancelling = cancelReservation({ db, reservationId: booked.reservationId });
      await waitingFor(moverXid, 2);
      await mover.query("COMMIT");
      await confirmationLocked;
      const otherXid = (await other.query("SELECT pg_current_xact_id()::text AS x")).rows[0].x;
      // The cancellation now waits for the new performance, held by the confirmation...
      await waitingFor(otherXid, 1);
      // ...which goes on to lock the reservation: it must not find it held by the
      // cancellation (PostgreSQL would end one of the two as a deadlock).
      await other.query("SELECT id FROM reservations WHERE id = $1 FOR UPDATE", [
        booked.reservationId,
      ]);
      await other.query("COMMIT");

      expect(await cancelling).toEqual({
        ok: true,
        reservationId: booked.reservationId,
        performanceId: to.id,
      });
      expect(await getAvailability(db, to.id)).toMatchObject({ confirmedSeats: 0 });
    } finally {
      await Promise.all([mover.end(), other.end(), watcher.end()]);
    }
  });
});
