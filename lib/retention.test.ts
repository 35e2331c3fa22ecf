import { describe, expect, it } from "vitest";
import { confirmCheckIn } from "@/lib/check-ins/check-in";
import { db } from "@/lib/db";
import { purgePersonalData } from "@/lib/retention";
import { addDays } from "@/lib/time";
import { bookConfirmed, createPerformance, createStaffUser } from "@/tests/support/factories";
import { joinList } from "@/tests/support/waitlist";

describe("retention:purge", () => {
  it("erases personal data of performances older than the retention period, keeping counts", async () => {
    const old = await createPerformance();
    const recent = await createPerformance();
    const staff = await createStaffUser();
    const oldBooking = await bookConfirmed(old.id, 3);
    await confirmCheckIn({
      db,
      target: { token: oldBooking.checkInToken },
      staff: staff,
      source: "qr_scan",
    });
    const recentBooking = await bookConfirmed(recent.id, 2);
    const now = addDays(old.startsAt, 91);
    await db.performance.update({
      where: { id: recent.id },
      data: { startsAt: addDays(now, -10) },
    });

    expect(await purgePersonalData({ db, retentionDays: 90, now })).toBe(1);

    expect(
      await db.reservation.findUniqueOrThrow({ where: { id: oldBooking.reservationId } }),
    ).toMatchObject({
      name: "",
      email: "",
      phone: "",
      notes: "",
      partySize: 3,
      status: "confirmed",
      anonymizedAt: now,
    });
    expect(
      await db.reservationToken.count({ where: { reservationId: oldBooking.reservationId } }),
    ).toBe(0);
    expect(await db.checkIn.count({ where: { reservationId: oldBooking.reservationId } })).toBe(1);
    expect(
      await db.reservation.findUniqueOrThrow({ where: { id: recentBooking.reservationId } }),
    ).toMatchObject({ name: "Maria Rossi" });
    expect(await purgePersonalData({ db, retentionDays: 90, now })).toBe(0);
  });
});

describe("retention:purge of the waiting list", () => {
  it("erases names and emails of waiting-list entries of old performances and deletes their links", async () => {
    const old = await createPerformance({ roomCapacity: 2 });
    const recent = await createPerformance({ roomCapacity: 2 });
    await bookConfirmed(old.id, 2);
    await bookConfirmed(recent.id, 2);
    const oldEntry = await joinList(old.id, 2);
    const recentEntry = await joinList(recent.id, 2);
    const now = addDays(old.startsAt, 91);
    await db.performance.update({
      where: { id: recent.id },
      data: { startsAt: addDays(now, -10) },
    });

    await purgePersonalData({ db, retentionDays: 90, now });

    expect(
      await db.waitlistEntry.findUniqueOrThrow({ where: { id: oldEntry.entryId } }),
    ).toMatchObject({ name: "", email: "", partySize: 2, anonymizedAt: now });
    expect(await db.waitlistToken.count({ where: { entryId: oldEntry.entryId } })).toBe(0);
    expect(
      await db.waitlistEntry.findUniqueOrThrow({ where: { id: recentEntry.entryId } }),
    ).toMatchObject({ name: "Giulia Bianchi" });
  });
});
