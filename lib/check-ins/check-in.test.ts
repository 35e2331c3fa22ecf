import { describe, expect, it } from "vitest";
import { confirmCheckIn, previewCheckIn } from "@/lib/check-ins/check-in";
import { db } from "@/lib/db";
import { addHours } from "@/lib/time";
import { generateToken } from "@/lib/tokens";
import {
  bookConfirmed,
  bookPending,
  createPerformance,
  createStaffUser,
} from "@/tests/support/factories";

describe("check-in", () => {
  it("previews a valid ticket with what the door needs (name, notes, no contact details), and never writes", async () => {
    const performance = await createPerformance();
    const booked = await bookConfirmed(performance.id, 3);

    const preview = await previewCheckIn({
      db,
      target: { token: booked.checkInToken },
      performanceId: performance.id,
    });

    expect(preview).toEqual({
      ok: true,
      status: "valid",
      doorsOpenAt: null,
      ticket: {
        reservationId: booked.reservationId,
        performanceId: performance.id,
        showTitle: expect.stringMatching(/^Open Stage/),
        startsAt: performance.startsAt,
        partySize: 3,
        seatsIn: 0,
        bookingCode: expect.stringMatching(/^[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{6}$/),
        name: "Maria Rossi",
        notes: "Arriving early",
        accessibility: false,
        reservationStatus: "confirmed",
        lastAdmission: null,
      },
    });
    expect(JSON.stringify(preview)).not.toMatch(/example\.org|\+39/);
    expect(await db.checkIn.count({ where: { reservationId: booked.reservationId } })).toBe(0);
  });

  it("goes preview -> check in -> preview (already checked in, when and by whom)", async () => {
    const performance = await createPerformance();
    const booked = await bookConfirmed(performance.id);
    const staff = await createStaffUser();

    expect(await previewCheckIn({ db, target: { token: booked.checkInToken } })).toMatchObject({
      ok: true,
    });
    const confirmed = await confirmCheckIn({
      db,
      target: { token: booked.checkInToken },
      staff: staff,
      source: "qr_scan",
    });
    expect(confirmed).toMatchObject({ ok: true, status: "checked_in", checkedInById: staff.id });
    const again = await previewCheckIn({ db, target: { token: booked.checkInToken } });
    expect(again).toMatchObject({
      ok: false,
      reason: "already_checked_in",
      earlier: { checkedInByName: "Door Volunteer" },
    });
    if (confirmed.ok && !again.ok && again.reason === "already_checked_in")
      expect(again.earlier.checkedInAt).toEqual(confirmed.checkedInAt);
  });

  it("answers a retry with the successful request's nonce with the first success, anyone else with already_checked_in", async () => {
    const performance = await createPerformance();
    const booked = await bookConfirmed(performance.id);
    const staff = await createStaffUser();

    const first = await confirmCheckIn({
      db,
      target: { token: booked.checkInToken },
      staff: staff,
      source: "qr_scan",
      nonce: "scan-1",
    });
    const retry = await confirmCheckIn({
      db,
      target: { token: booked.checkInToken },
      staff: staff,
      source: "qr_scan",
      nonce: "scan-1",
    });
    const other = await confirmCheckIn({
      db,
      target: { token: booked.checkInToken },
      staff: staff,
      source: "qr_scan",
      nonce: "scan-2",
    });

    expect(
      first.ok && retry.ok && retry.checkedInAt.getTime() === first.checkedInAt.getTime(),
    ).toBe(true);
    expect(other).toMatchObject({ ok: false, reason: "already_checked_in" });
    expect(await db.checkIn.count({ where: { reservationId: booked.reservationId } })).toBe(1);
  });

  it("refuses unknown, wrong-performance, unconfirmed and expired tickets without writing", async () => {
    const performance = await createPerformance();
    const other = await createPerformance();
    const staff = await createStaffUser();
    const booked = await bookConfirmed(performance.id);

    expect(
      await confirmCheckIn({
        db,
        target: { token: generateToken() },
        staff: staff,
        source: "qr_scan",
      }),
    ).toEqual({
      ok: false,
      reason: "token_not_found",
    });
    expect(
      await confirmCheckIn({
        db,
        target: { token: booked.checkInToken },
        staff: staff,
        source: "qr_scan",
        performanceId: other.id,
      }),
    ).toMatchObject({ reason: "wrong_performance" });
    expect(
      await confirmCheckIn({
        db,
        target: { token: booked.checkInToken },
        staff: staff,
        source: "qr_scan",
        now: addHours(performance.startsAt, 7),
      }),
    ).toMatchObject({ reason: "token_expired" });
    await db.reservation.update({
      where: { id: booked.reservationId },
      data: { status: "cancelled" },
    });
    expect(
      await confirmCheckIn({
        db,
        target: { token: booked.checkInToken },
        staff: staff,
        source: "qr_scan",
      }),
    ).toMatchObject({ reason: "reservation_not_confirmed" });
    expect(await db.checkIn.count({ where: { reservationId: booked.reservationId } })).toBe(0);
  });

  it("lets an admin check a confirmed party in by hand, once", async () => {
    const performance = await createPerformance();
    const admin = await createStaffUser("ADMIN");
    const confirmed = await bookConfirmed(performance.id);
    const pending = await bookPending(performance.id);

    expect(
      await confirmCheckIn({
        db,
        target: { reservationId: confirmed.reservationId },
        staff: admin,
        source: "admin",
      }),
    ).toMatchObject({ ok: true });
    expect(
      await confirmCheckIn({
        db,
        target: { reservationId: confirmed.reservationId },
        staff: admin,
        source: "admin",
      }),
    ).toMatchObject({ ok: false, reason: "already_checked_in" });
    expect(
      await confirmCheckIn({
        db,
        target: { reservationId: pending.reservationId },
        staff: admin,
        source: "admin",
      }),
    ).toMatchObject({ ok: false, reason: "reservation_not_confirmed" });
    expect(
      await db.checkIn.findUnique({ where: { reservationId: confirmed.reservationId } }),
    ).toMatchObject({ source: "admin", checkedInById: admin.id });
  });
});
