// The state rules of issue 11: each test failed on the code before it (named in the
// README's confirmation table) and pins the rule now in place.
import { describe, expect, it } from "vitest";
import { savePerformance } from "@/lib/admin/performances";
import { confirmCheckIn, previewCheckIn } from "@/lib/check-ins/check-in";
import { db } from "@/lib/db";
import { cancelReservation } from "@/lib/reservations/cancel-reservation";
import { confirmReservation } from "@/lib/reservations/confirm-reservation";
import { createReservation } from "@/lib/reservations/create-reservation";
import { expireReservations } from "@/lib/reservations/expire-reservations";
import { resendReservationLink } from "@/lib/reservations/resend-links";
import { addDays, addHours, utcToZonedLocal } from "@/lib/time";
import {
  bookConfirmed,
  bookPending,
  createPerformance,
  createStaffUser,
  TEST_SETTINGS,
} from "@/tests/support/factories";

const timeZone = "Europe/Rome";
const confirm = (token: string, now?: Date) =>
  confirmReservation({ db, token, settings: TEST_SETTINGS, now });

/** Saves the performance as an admin would, with a new start and/or venue. */
async function moveAsAdmin(
  performance: Awaited<ReturnType<typeof createPerformance>>,
  changes: { startsAt?: Date; venueId?: number },
) {
  const admin = await createStaffUser("ADMIN");
  const result = await savePerformance({
    db,
    actor: admin,
    id: performance.id,
    input: {
      showId: String(performance.showId),
      venueId: String(changes.venueId ?? performance.venueId),
      startsAt: utcToZonedLocal(changes.startsAt ?? performance.startsAt, timeZone),
      roomCapacity: String(performance.roomCapacity),
      additionalSeats: String(performance.additionalSeats),
      manuallyOccupiedSeats: String(performance.manuallyOccupiedSeats),
      isBookingEnabled: "on",
    },
    timeZone,
    tokenSettings: TEST_SETTINGS,
  });
  if (!result.ok) throw new Error(JSON.stringify(result));
}

describe("a performance that moves takes its links with it", () => {
  it("postponed by a day: its tickets work at the door during the new evening", async () => {
    const performance = await createPerformance({ startsAt: addDays(new Date(), 3) });
    const ticket = await bookConfirmed(performance.id);
    const staff = await createStaffUser();
    const newStart = addDays(performance.startsAt, 1);
    await moveAsAdmin(performance, { startsAt: newStart });

    // 30 minutes after the new start: the old deadline (old start + 6 h) has long passed.
    const atTheDoor = addHours(newStart, 0.5);
    expect(
      await previewCheckIn({ db, target: { token: ticket.checkInToken }, now: atTheDoor }),
    ).toMatchObject({ ok: true, status: "valid" });
    expect(
      await confirmCheckIn({
        db,
        target: { token: ticket.checkInToken },
        staff,
        source: "qr_scan",
        now: atTheDoor,
      }),
    ).toMatchObject({ ok: true });
  });

  it("brought forward: a pending link stops at the new curtain time", async () => {
    const performance = await createPerformance({ startsAt: addDays(new Date(), 3) });
    const pending = await bookPending(performance.id);
    const newStart = addHours(new Date(), 5);
    await moveAsAdmin(performance, { startsAt: newStart });

    expect(await confirm(pending.confirmationToken, addHours(newStart, 1))).toMatchObject({
      ok: false,
      reason: "token_expired",
    });
    // ...and its ticket, once confirmed, closes with the new evening's window.
    expect((await confirm(pending.confirmationToken)).ok).toBe(true);
  });

  it("moved to another venue: its tickets keep working", async () => {
    const performance = await createPerformance();
    const elsewhere = await createPerformance();
    const ticket = await bookConfirmed(performance.id);
    await moveAsAdmin(performance, { venueId: elsewhere.venueId });

    expect(await previewCheckIn({ db, target: { token: ticket.checkInToken } })).toMatchObject({
      ok: true,
    });
  });
});

describe("a new or resent link is never dead on arrival", () => {
  it("an expiry sweep racing bookings and resends never expires a reservation whose link works", async () => {
    const performance = await createPerformance({ roomCapacity: 100 });
    const booked = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        i % 2 === 0
          ? bookPending(performance.id, 1)
          : expireReservations({ db }).then(() => bookPending(performance.id, 1)),
      ),
    );
    await Promise.all([
      ...booked.map((b) =>
        resendReservationLink({
          db,
          reservationId: b.reservationId,
          settings: TEST_SETTINGS,
        }),
      ),
      ...Array.from({ length: 20 }, () => expireReservations({ db })),
    ]);

    const expired = await db.reservation.count({
      where: { performanceId: performance.id, status: "expired" },
    });
    expect(expired).toBe(0);
  });
});

describe("a confirmation link answers by the reservation's state first", () => {
  it("a confirmed-then-cancelled reservation's link says cancelled, not 'already confirmed'", async () => {
    const performance = await createPerformance();
    const booked = await bookPending(performance.id);
    expect((await confirm(booked.confirmationToken)).ok).toBe(true);
    await cancelReservation({ db, reservationId: booked.reservationId });

    expect(await confirm(booked.confirmationToken)).toMatchObject({
      reason: "reservation_cancelled",
    });
  });

  it("a pending reservation cancelled by an admin says cancelled, not 'replaced'", async () => {
    const performance = await createPerformance();
    const booked = await bookPending(performance.id);
    await cancelReservation({ db, reservationId: booked.reservationId });

    expect(await confirm(booked.confirmationToken)).toMatchObject({
      reason: "reservation_cancelled",
    });
  });

  it("an expired link gives the same answer before and after the expiry sweep", async () => {
    const performance = await createPerformance();
    const booked = await bookPending(performance.id);
    const later = addHours(new Date(), 25);
    const before = await confirm(booked.confirmationToken, later);
    await expireReservations({ db, now: later });
    const after = await confirm(booked.confirmationToken, later);

    expect(before).toMatchObject({ ok: false, reason: "token_expired" });
    expect(after).toEqual(before);
  });

  it("a confirmation that loses the race with a cancellation is told 'cancelled', never 'sold out'", async () => {
    const performance = await createPerformance({ roomCapacity: 50 });
    const booked = await bookPending(performance.id, 1);
    // A cancellation in flight: its transaction holds the reservation row while the
    // confirmation arrives, and commits a moment later.
    let answer: Awaited<ReturnType<typeof confirm>> | undefined;
    await db.$transaction(async (tx) => {
      await tx.reservation.update({
        where: { id: booked.reservationId },
        data: { status: "cancelled", cancelledAt: new Date() },
      });
      await tx.reservationToken.updateMany({
        where: { reservationId: booked.reservationId },
        data: { revokedAt: new Date() },
      });
      void confirm(booked.confirmationToken).then((result) => (answer = result));
      await new Promise((resolve) => setTimeout(resolve, 300));
    });
    await expect.poll(() => answer, { timeout: 5_000 }).toBeDefined();
    expect(answer).toMatchObject({ ok: false, reason: "reservation_cancelled" });
  });

  it("a pending reservation of a performance whose booking was closed answers booking_closed", async () => {
    const performance = await createPerformance();
    const booked = await bookPending(performance.id);
    await db.performance.update({
      where: { id: performance.id },
      data: { isBookingEnabled: false },
    });
    expect(await confirm(booked.confirmationToken)).toMatchObject({ reason: "booking_closed" });

    const unpublished = await createPerformance();
    const other = await bookPending(unpublished.id);
    await db.show.update({ where: { id: unpublished.showId }, data: { isPublished: false } });
    expect(await confirm(other.confirmationToken)).toMatchObject({ reason: "booking_closed" });
  });
});

describe("double submit", () => {
  const input = {
    name: "Giulia Bianchi",
    email: "giulia@example.org",
    phone: "",
    party_size: 2,
    notes: "",
  };
  const book = (performanceId: number, changes: Partial<typeof input> = {}) =>
    createReservation({
      db,
      performanceId,
      input: { ...input, ...changes },
      locale: "it",
      settings: TEST_SETTINGS,
    });

  it("two identical bookings at once create one reservation", async () => {
    const performance = await createPerformance();
    const results = await Promise.all([book(performance.id), book(performance.id)]);

    expect(results.every((r) => r.ok)).toBe(true);
    expect(await db.reservation.count({ where: { performanceId: performance.id } })).toBe(1);
    const ids = results.map((r) => (r.ok ? r.reservationId : 0));
    expect(ids[0]).toBe(ids[1]);
  });

  it("one email holds one confirmed reservation per performance: the second link answers already_booked", async () => {
    const performance = await createPerformance();
    const first = await bookPending(performance.id, 2, new Date(), "same@example.org");
    const second = await bookPending(performance.id, 3, new Date(), "SAME@example.org");
    expect((await confirm(first.confirmationToken)).ok).toBe(true);

    expect(await confirm(second.confirmationToken)).toMatchObject({
      ok: false,
      reason: "already_booked",
    });
    expect(
      await db.reservation.count({
        where: { performanceId: performance.id, status: "confirmed" },
      }),
    ).toBe(1);
  });
});

describe("admin dates", () => {
  it("refuses an impossible date and a time the clocks skip, and stores nothing", async () => {
    const performance = await createPerformance();
    const admin = await createStaffUser("ADMIN");
    const save = (startsAt: string) =>
      savePerformance({
        db,
        actor: admin,
        input: {
          showId: String(performance.showId),
          venueId: String(performance.venueId),
          startsAt,
          roomCapacity: "10",
          additionalSeats: "0",
          manuallyOccupiedSeats: "0",
        },
        timeZone,
        tokenSettings: TEST_SETTINGS,
      });
    const before = await db.performance.count();

    expect(await save("2026-02-30T21:00")).toMatchObject({
      fieldErrors: { startsAt: ["invalid_datetime"] },
    });
    expect(await save("2027-03-28T02:30")).toMatchObject({
      fieldErrors: { startsAt: ["nonexistent_time"] },
    });
    expect(await db.performance.count()).toBe(before);
  });
});
