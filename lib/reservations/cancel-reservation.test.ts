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
import { actWhileReservationMoves } from "@/tests/support/moved-while-waiting";

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

    const cancelled = await actWhileReservationMoves(
      { reservationId: booked.reservationId, from: from.id, to: to.id },
      () => cancelReservation({ db, reservationId: booked.reservationId }),
    );

    expect(cancelled).toEqual({
      ok: true,
      reservationId: booked.reservationId,
      performanceId: to.id,
    });
    expect(await getAvailability(db, to.id)).toMatchObject({ confirmedSeats: 0 });
  });
});
