// The door (issue 16): short booking codes, name search, partial admission, undo and the
// doors-open window, all through the one check-in use case against the real database.
import { describe, expect, it } from "vitest";
import { confirmCheckIn, previewCheckIn } from "@/lib/check-ins/check-in";
import { parseBookingCode } from "@/lib/check-ins/booking-code";
import { searchDoorReservations } from "@/lib/check-ins/door-search";
import { countDoorSeats } from "@/lib/check-ins/door-performances";
import { undoCheckIn } from "@/lib/check-ins/undo-check-in";
import { needsAccessibleSeating } from "@/lib/check-ins/accessibility";
import { db } from "@/lib/db";
import { addHours } from "@/lib/time";
import {
  bookConfirmed,
  bookPending,
  createPerformance,
  createStaffUser,
} from "@/tests/support/factories";

const WINDOW = { doorsOpenMinutesBefore: 90 };

async function codeOf(reservationId: number) {
  return (await db.reservation.findUniqueOrThrow({ where: { id: reservationId } })).bookingCode;
}

describe("booking codes", () => {
  it("gives every reservation a 6-character code from the unambiguous alphabet, unique per performance", async () => {
    const performance = await createPerformance();
    const codes = [];
    for (let i = 0; i < 30; i += 1) codes.push((await bookPending(performance.id, 1)).bookingCode);
    for (const code of codes) expect(code).toMatch(/^[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{6}$/);
    expect(new Set(codes).size).toBe(30);
    await expect(
      db.$executeRaw`UPDATE reservations SET booking_code = ${codes[0]} WHERE booking_code = ${codes[1]} AND performance_id = ${performance.id}`,
    ).rejects.toThrow(/unique|23505/i);
    await expect(
      db.$executeRaw`UPDATE reservations SET booking_code = 'O0I1L5' WHERE booking_code = ${codes[2]}`,
    ).rejects.toThrow(/booking_code_format|23514/);
  });

  it("reads what staff type: lower case, spaces and dashes; refuses look-alikes", () => {
    expect(parseBookingCode(" k7m-4qx ")).toBe("K7M4QX");
    expect(parseBookingCode("K7M 4QX")).toBe("K7M4QX");
    expect(parseBookingCode("K7M4Q0")).toBeNull();
    expect(parseBookingCode("K7M4")).toBeNull();
  });

  it("admits by code at its performance (source code, audited) and says 'wrong performance' elsewhere", async () => {
    const tonight = await createPerformance({ startsAt: addHours(new Date(), 1) });
    const other = await createPerformance({ startsAt: addHours(new Date(), 2) });
    const booked = await bookConfirmed(tonight.id, 2);
    const code = await codeOf(booked.reservationId);
    const staff = await createStaffUser();

    expect(
      await previewCheckIn({
        db,
        target: { code, performanceId: other.id },
        performanceId: other.id,
      }),
    ).toMatchObject({ ok: false, reason: "wrong_performance" });
    expect(
      await previewCheckIn({ db, target: { code: "ZZZZZZ", performanceId: tonight.id } }),
    ).toEqual({ ok: false, reason: "token_not_found" });

    const admitted = await confirmCheckIn({
      db,
      target: { code, performanceId: tonight.id },
      performanceId: tonight.id,
      staff,
      source: "code",
      window: WINDOW,
    });
    expect(admitted).toMatchObject({ ok: true, ticket: { seatsIn: 2 } });
    expect(
      await db.checkIn.findUnique({ where: { reservationId: booked.reservationId } }),
    ).toMatchObject({ source: "code", seats: 2 });
    expect(
      await db.auditEntry.count({
        where: { entityId: booked.reservationId, action: "reservation.check_in" },
      }),
    ).toBe(1);
  });
});

describe("name search at the door", () => {
  it("finds confirmed reservations of the performance, accent- and case-insensitively, at least 2 characters, limited", async () => {
    const performance = await createPerformance();
    const elsewhere = await createPerformance();
    const names = ["Élodie Dâmaso", "ELODIE ROSSI", "Niccolò D'Àngelo", "Paolo Verdi"];
    const ids: number[] = [];
    for (const name of names) {
      const booked = await bookConfirmed(performance.id, 1);
      await db.reservation.update({ where: { id: booked.reservationId }, data: { name } });
      ids.push(booked.reservationId);
    }
    const pending = await bookPending(performance.id, 1);
    await db.reservation.update({
      where: { id: pending.reservationId },
      data: { name: "Elodie Pending" },
    });
    const other = await bookConfirmed(elsewhere.id, 1);
    await db.reservation.update({
      where: { id: other.reservationId },
      data: { name: "Elodie Other" },
    });

    const search = (query: string, limit?: number) =>
      searchDoorReservations({ db, performanceId: performance.id, query, limit });
    expect((await search("elodie")).map((h) => h.name)).toEqual(["Élodie Dâmaso", "ELODIE ROSSI"]);
    expect((await search("ÉLOD")).length).toBe(2);
    expect((await search("d'angelo")).map((h) => h.name)).toEqual(["Niccolò D'Àngelo"]);
    expect((await search("niccolo")).map((h) => h.reservationId)).toEqual([ids[2]]);
    expect(await search("e")).toEqual([]);
    expect(await search("%%")).toEqual([]);
    expect((await search("o", 10)).length).toBe(0);
    expect((await search("ro", 1)).length).toBe(1);
    const code = await codeOf(ids[3]);
    expect((await search(code.toLowerCase())).map((h) => h.name)).toEqual(["Paolo Verdi"]);
  });
});

describe("partial admission", () => {
  it("admits 2 of 4 now and the rest later with the same ticket, then refuses a fifth", async () => {
    const performance = await createPerformance({ startsAt: addHours(new Date(), 1) });
    const booked = await bookConfirmed(performance.id, 4);
    const staff = await createStaffUser();
    const target = { token: booked.checkInToken };

    expect(await confirmCheckIn({ db, target, staff, source: "qr_scan", seats: 2 })).toMatchObject({
      ok: true,
      admission: { seats: 2 },
      ticket: { seatsIn: 2 },
    });
    expect(await previewCheckIn({ db, target })).toMatchObject({
      ok: true,
      ticket: { seatsIn: 2, partySize: 4 },
    });
    expect(await confirmCheckIn({ db, target, staff, source: "qr_scan", seats: 3 })).toMatchObject({
      ok: false,
      reason: "seats_unavailable",
      seatsLeft: 2,
    });
    expect(await confirmCheckIn({ db, target, staff, source: "qr_scan" })).toMatchObject({
      ok: true,
      admission: { seats: 2 },
      ticket: { seatsIn: 4 },
    });
    expect(await confirmCheckIn({ db, target, staff, source: "qr_scan", seats: 1 })).toMatchObject({
      ok: false,
      reason: "already_checked_in",
      earlier: { checkedInByName: "Door Volunteer" },
    });
    expect(await countDoorSeats({ db, performanceId: performance.id })).toEqual({
      checkedInSeats: 4,
      confirmedSeats: 4,
    });
  });

  async function race(lock: boolean) {
    const performance = await createPerformance();
    const booked = await bookConfirmed(performance.id, 4);
    const staff = await createStaffUser();
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        confirmCheckIn({
          db,
          target: { token: booked.checkInToken },
          staff,
          source: "qr_scan",
          seats: 1,
          nonce: `part-${lock}-${i}`,
          lock,
        }),
      ),
    );
    const admitted = await db.checkInAdmission.aggregate({
      where: { reservationId: booked.reservationId, undoneAt: null },
      _sum: { seats: true },
    });
    return { results, seats: admitted._sum.seats ?? 0 };
  }

  it("admits exactly 4 seats for 20 simultaneous one-seat admissions of a party of 4", async () => {
    const { results, seats } = await race(true);
    expect(results.filter((r) => r.ok)).toHaveLength(4);
    expect(results.filter((r) => !r.ok && r.reason === "already_checked_in")).toHaveLength(16);
    expect(seats).toBe(4);
  });

  it("control run: without the reservation lock the same race over-admits the party", async () => {
    const { seats } = await race(false);
    expect(seats).toBeGreaterThan(4);
  });
});

describe("undo", () => {
  it("lets staff undo within the minutes allowed, admins any time; audited; the seats go back outside", async () => {
    const performance = await createPerformance({ startsAt: addHours(new Date(), 1) });
    const booked = await bookConfirmed(performance.id, 3);
    const staff = await createStaffUser();
    const admin = await createStaffUser("ADMIN");
    const at = new Date();
    const first = await confirmCheckIn({
      db,
      target: { token: booked.checkInToken },
      staff,
      source: "qr_scan",
      seats: 2,
      now: at,
    });
    if (!first.ok) throw new Error(first.reason);
    const later = new Date(at.getTime() + 6 * 60_000);
    expect(
      await undoCheckIn({
        db,
        admissionId: first.admission.id,
        actor: staff,
        isAdmin: false,
        staffUndoMinutes: 5,
        now: later,
      }),
    ).toEqual({ ok: false, reason: "undo_window_closed" });
    expect(
      await undoCheckIn({
        db,
        admissionId: first.admission.id,
        actor: staff,
        isAdmin: false,
        staffUndoMinutes: 5,
        now: new Date(at.getTime() + 60_000),
      }),
    ).toMatchObject({ ok: true, seats: 2, seatsIn: 0 });
    expect(await db.checkIn.count({ where: { reservationId: booked.reservationId } })).toBe(0);
    expect(
      await undoCheckIn({
        db,
        admissionId: first.admission.id,
        actor: admin,
        isAdmin: true,
        staffUndoMinutes: 5,
      }),
    ).toEqual({ ok: false, reason: "already_undone" });

    const again = await confirmCheckIn({
      db,
      target: { token: booked.checkInToken },
      staff,
      source: "qr_scan",
      now: at,
    });
    if (!again.ok) throw new Error(again.reason);
    expect(
      await undoCheckIn({
        db,
        admissionId: again.admission.id,
        actor: admin,
        isAdmin: true,
        staffUndoMinutes: 5,
        now: addHours(at, 5),
      }),
    ).toMatchObject({ ok: true, seats: 3 });
    expect(
      await db.auditEntry.count({
        where: { entityId: booked.reservationId, action: "reservation.check_in_undo" },
      }),
    ).toBe(2);
    expect(await previewCheckIn({ db, target: { token: booked.checkInToken } })).toMatchObject({
      ok: true,
      ticket: { seatsIn: 0 },
    });
  });
});

describe("the doors-open window and the reasons of refusals", () => {
  it("refuses before the doors open unless overridden (audited), and the preview says when they open", async () => {
    const performance = await createPerformance({ startsAt: addHours(new Date(), 72) });
    const booked = await bookConfirmed(performance.id, 2);
    const staff = await createStaffUser();
    const target = { token: booked.checkInToken };
    const preview = await previewCheckIn({ db, target, window: WINDOW });
    expect(preview).toMatchObject({
      ok: true,
      doorsOpenAt: new Date(performance.startsAt.getTime() - 90 * 60_000),
    });
    expect(
      await confirmCheckIn({ db, target, staff, source: "qr_scan", window: WINDOW }),
    ).toMatchObject({
      ok: false,
      reason: "doors_not_open",
    });
    expect(
      await confirmCheckIn({
        db,
        target,
        staff,
        source: "qr_scan",
        window: { ...WINDOW, override: true },
      }),
    ).toMatchObject({ ok: true });
    const admission = await db.checkInAdmission.findFirstOrThrow({
      where: { reservationId: booked.reservationId },
    });
    expect(admission.outsideWindow).toBe(true);
    expect(
      await db.auditEntry.findFirst({
        where: { entityId: booked.reservationId, action: "reservation.check_in" },
      }),
    ).toMatchObject({ summary: expect.stringMatching(/override/) });
  });

  it("names the status of a reservation that is not confirmed, and flags accessibility from the notes", async () => {
    const performance = await createPerformance();
    const pending = await bookPending(performance.id, 1);
    await db.reservation.update({
      where: { id: pending.reservationId },
      data: { notes: "Mia madre è in sedia a rotelle" },
    });
    const result = await previewCheckIn({ db, target: { reservationId: pending.reservationId } });
    expect(result).toMatchObject({
      ok: false,
      reason: "reservation_not_confirmed",
      ticket: { reservationStatus: "pending", accessibility: true },
    });
    expect(needsAccessibleSeating("Wheelchair user, step-free please")).toBe(true);
    expect(needsAccessibleSeating("Arriving early")).toBe(false);
  });
});
