import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { confirmReservation } from "@/lib/reservations/confirm-reservation";
import { createReservation } from "@/lib/reservations/create-reservation";
import { issueToken } from "@/lib/reservations/reservation-tokens";
import { addHours } from "@/lib/time";
import { generateToken } from "@/lib/tokens";
import {
  bookConfirmed,
  bookPending,
  createPerformance,
  TEST_SETTINGS,
} from "@/tests/support/factories";

const confirm = (token: string, now?: Date) =>
  confirmReservation({ db, token, settings: TEST_SETTINGS, now });

/** Everything a confirmation could change, to show that a refusal changed nothing. */
async function snapshot(performanceId: number) {
  return db.reservation.findMany({
    where: { performanceId },
    orderBy: { id: "asc" },
    include: { tokens: { orderBy: { id: "asc" } }, checkIn: true },
  });
}

describe("confirmReservation refusals change nothing", () => {
  it("refuses an unknown token", async () => {
    const performance = await createPerformance();
    await bookPending(performance.id);
    const before = await snapshot(performance.id);

    expect(await confirm(generateToken())).toEqual({ ok: false, reason: "token_not_found" });
    expect(await snapshot(performance.id)).toEqual(before);
  });

  it("refuses an expired token", async () => {
    const performance = await createPerformance();
    const booked = await bookPending(performance.id);
    const before = await snapshot(performance.id);

    const result = await confirm(booked.confirmationToken, addHours(new Date(), 25));

    expect(result).toMatchObject({ ok: false, reason: "token_expired" });
    expect(await snapshot(performance.id)).toEqual(before);
  });

  it("expires the confirmation link at curtain time when that comes before the TTL", async () => {
    const performance = await createPerformance({ startsAt: addHours(new Date(), 2) });
    const booked = await bookPending(performance.id);

    expect(booked.expiresAt).toEqual(performance.startsAt);
    expect(await confirm(booked.confirmationToken, addHours(new Date(), 3))).toMatchObject({
      ok: false,
      reason: "token_expired",
    });
  });

  it("answers a second confirmation with the same token as already confirmed", async () => {
    const performance = await createPerformance();
    const booked = await bookPending(performance.id);
    expect((await confirm(booked.confirmationToken)).ok).toBe(true);
    const before = await snapshot(performance.id);

    expect(await confirm(booked.confirmationToken)).toEqual({
      ok: false,
      reason: "already_confirmed",
      reservationId: booked.reservationId,
    });
    expect(await snapshot(performance.id)).toEqual(before);
  });

  it("refuses a link that a resent one replaced", async () => {
    const performance = await createPerformance();
    const booked = await bookPending(performance.id);
    const resent = await issueToken({
      db,
      reservationId: booked.reservationId,
      purpose: "confirmation",
      now: new Date(),
      settings: TEST_SETTINGS,
    });

    expect(await confirm(booked.confirmationToken)).toMatchObject({
      ok: false,
      reason: "token_replaced",
    });
    expect(await confirm(resent.rawToken)).toMatchObject({ ok: true });
  });

  it("refuses a party that no longer fits, leaving it pending", async () => {
    const performance = await createPerformance({ roomCapacity: 5 });
    const late = await bookPending(performance.id, 3);
    await bookConfirmed(performance.id, 3);
    const before = await snapshot(performance.id);

    const result = await confirm(late.confirmationToken);

    expect(result).toEqual({
      ok: false,
      reason: "insufficient_seats",
      reservationId: late.reservationId,
      availableSeats: 2,
    });
    expect(await snapshot(performance.id)).toEqual(before);
  });
});

describe("createReservation", () => {
  const input = {
    name: "Luca Bianchi",
    email: "luca@example.org",
    phone: "",
    party_size: 2,
    notes: "",
  };
  const book = (performanceId: number, partySize = 2) =>
    createReservation({
      db,
      performanceId,
      input: { ...input, party_size: partySize },
      locale: "en",
      settings: TEST_SETTINGS,
    });

  it("refuses unpublished, disabled, past and too-small performances", async () => {
    expect(await book((await createPerformance({ published: false })).id)).toMatchObject({
      reason: "performance_not_found",
    });
    expect(await book((await createPerformance({ isBookingEnabled: false })).id)).toMatchObject({
      reason: "booking_closed",
    });
    expect(
      await book((await createPerformance({ startsAt: addHours(new Date(), -1) })).id),
    ).toMatchObject({ reason: "booking_closed" });
    expect(await book((await createPerformance({ roomCapacity: 3 })).id, 4)).toMatchObject({
      reason: "insufficient_seats",
      availableSeats: 3,
    });
    expect(await db.reservation.count({ where: { email: input.email } })).toBe(0);
  });

  it("does not count pending reservations when booking", async () => {
    const performance = await createPerformance({ roomCapacity: 2 });
    expect(await book(performance.id, 2)).toMatchObject({ ok: true });
    expect(await book(performance.id, 2)).toMatchObject({ ok: true });
  });
});
