// The six cases of the seed's DomainModelTests, rewritten for this domain.
import { beforeEach, describe, expect, it } from "vitest";
import { getAvailability } from "@/lib/availability";
import { confirmCheckIn } from "@/lib/check-ins/check-in";
import { db } from "@/lib/db";
import { confirmReservation } from "@/lib/reservations/confirm-reservation";
import { issueToken } from "@/lib/reservations/reservation-tokens";
import { addDays } from "@/lib/time";
import {
  bookConfirmed,
  createPerformance,
  createStaffUser,
  TEST_SETTINGS,
} from "@/tests/support/factories";

describe("domain model", () => {
  let performance: Awaited<ReturnType<typeof createPerformance>>;

  beforeEach(async () => {
    performance = await createPerformance({
      roomCapacity: 10,
      manuallyOccupiedSeats: 2,
      additionalSeats: 3,
    });
  });

  const reservation = (data: {
    partySize?: number;
    status?: "pending" | "confirmed" | "cancelled";
  }) =>
    db.reservation.create({
      data: {
        performanceId: performance.id,
        name: "Maria Rossi",
        email: "maria@example.com",
        partySize: data.partySize ?? 2,
        status: data.status ?? "pending",
        confirmedAt: data.status === "confirmed" ? new Date() : null,
      },
    });

  it("counts only confirmed reservations against available seats", async () => {
    await reservation({ partySize: 4 });
    await reservation({ partySize: 3, status: "confirmed" });
    await reservation({ partySize: 1, status: "cancelled" });

    expect(await getAvailability(db, performance.id)).toEqual({
      capacity: 11,
      confirmedSeats: 3,
      availableSeats: 8,
    });
  });

  it("moves pending -> confirmed through a token and marks the token used", async () => {
    const pending = await reservation({});
    const { rawToken } = await issueToken({
      db,
      reservationId: pending.id,
      purpose: "confirmation",
      now: new Date(),
      settings: TEST_SETTINGS,
    });

    const result = await confirmReservation({ db, token: rawToken, settings: TEST_SETTINGS });

    expect(result.ok).toBe(true);
    const after = await db.reservation.findUniqueOrThrow({
      where: { id: pending.id },
      include: { tokens: true },
    });
    expect(after.status).toBe("confirmed");
    expect(after.confirmedAt).not.toBeNull();
    const confirmation = after.tokens.find((token) => token.purpose === "confirmation");
    expect(confirmation?.usedAt).not.toBeNull();
    expect(after.tokens.filter((token) => token.purpose === "check_in")).toHaveLength(1);
  });

  it("confirms only pending reservations and leaves the token unused otherwise", async () => {
    const cancelled = await reservation({ status: "cancelled" });
    const { rawToken } = await issueToken({
      db,
      reservationId: cancelled.id,
      purpose: "confirmation",
      now: new Date(),
      settings: TEST_SETTINGS,
    });

    const result = await confirmReservation({ db, token: rawToken, settings: TEST_SETTINGS });

    expect(result).toMatchObject({ ok: false, reason: "reservation_cancelled" });
    const after = await db.reservation.findUniqueOrThrow({
      where: { id: cancelled.id },
      include: { tokens: true },
    });
    expect(after.status).toBe("cancelled");
    expect(after.tokens.every((token) => token.usedAt === null)).toBe(true);
  });

  it("rejects impossible manual occupancy with the database CHECK constraint", async () => {
    await expect(
      db.performance.create({
        data: {
          showId: performance.showId,
          venueId: performance.venueId,
          startsAt: addDays(new Date(), 8),
          roomCapacity: 5,
          additionalSeats: 1,
          manuallyOccupiedSeats: 7,
        },
      }),
    ).rejects.toThrow(/performance_manual_seats_within_capacity/);
    await expect(
      db.performance.update({ where: { id: performance.id }, data: { roomCapacity: -1 } }),
    ).rejects.toThrow(/room_capacity_non_negative|manual_seats_within_capacity/);
  });

  it("checks in only confirmed reservations", async () => {
    const booked = await bookConfirmed(performance.id);
    const staff = await createStaffUser();
    await db.reservation.update({
      where: { id: booked.reservationId },
      data: { status: "cancelled" },
    });

    const result = await confirmCheckIn({
      db,
      target: { token: booked.checkInToken },
      staff: staff,
      source: "qr_scan",
    });

    expect(result).toMatchObject({ ok: false, reason: "reservation_not_confirmed" });
    expect(await db.checkIn.count({ where: { reservationId: booked.reservationId } })).toBe(0);
  });

  it("cannot check a reservation in twice", async () => {
    const booked = await bookConfirmed(performance.id);
    const staff = await createStaffUser();

    expect(
      await confirmCheckIn({
        db,
        target: { token: booked.checkInToken },
        staff: staff,
        source: "qr_scan",
      }),
    ).toMatchObject({ ok: true });
    expect(
      await confirmCheckIn({
        db,
        target: { token: booked.checkInToken },
        staff: staff,
        source: "qr_scan",
      }),
    ).toMatchObject({ ok: false, reason: "already_checked_in" });
    // And the database itself refuses a second row, whatever the code path.
    await expect(
      db.checkIn.create({
        data: { reservationId: booked.reservationId, checkedInById: staff.id, seats: 1 },
      }),
    ).rejects.toThrow(/Unique constraint|P2002/);
    expect(await db.checkIn.count({ where: { reservationId: booked.reservationId } })).toBe(1);
  });
});
