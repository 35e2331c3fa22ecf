import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { attendeesOf, checkInsOf } from "@/lib/admin/attendees";
import { dashboard } from "@/lib/admin/dashboard";
import { reservationFilters } from "@/lib/admin/reservation-filters";
import {
  cancelAsAdmin,
  checkInAsAdmin,
  listReservations,
  reservationDetail,
} from "@/lib/admin/reservations";
import { addDays, addHours } from "@/lib/time";
import {
  bookConfirmed,
  bookPending,
  createPerformance,
  createStaffUser,
} from "@/tests/support/factories";

async function admin() {
  const user = await createStaffUser("ADMIN");
  return { id: user.id, email: user.email };
}

describe("reservations table", () => {
  it("filters by performance, status and name or email, a page at a time", async () => {
    const performance = await createPerformance({ roomCapacity: 100 });
    const other = await createPerformance();
    for (let i = 0; i < 27; i += 1) await bookPending(performance.id, 1);
    await bookConfirmed(other.id, 2);
    const first = await db.reservation.findFirstOrThrow({
      where: { performanceId: performance.id },
    });
    await db.reservation.update({
      where: { id: first.id },
      data: { name: "Niccolò Verdi", email: "nv@example.org" },
    });

    const page1 = await listReservations(
      db,
      reservationFilters.parse({ performance: String(performance.id) }),
    );
    expect(page1).toMatchObject({ total: 27, page: 1, pageCount: 2 });
    expect(page1.rows).toHaveLength(25);
    expect(
      (
        await listReservations(
          db,
          reservationFilters.parse({ performance: String(performance.id), page: "2" }),
        )
      ).rows,
    ).toHaveLength(2);

    expect(
      (await listReservations(db, reservationFilters.parse({ q: "NICCOLÒ" }))).rows.map(
        (row) => row.id,
      ),
    ).toEqual([first.id]);
    expect(
      (await listReservations(db, reservationFilters.parse({ q: "nv@example" }))).rows.map(
        (row) => row.id,
      ),
    ).toEqual([first.id]);
    const confirmed = await listReservations(
      db,
      reservationFilters.parse({ status: "confirmed", performance: String(other.id) }),
    );
    expect(confirmed.rows.map((row) => row.status)).toEqual(["confirmed"]);
    // Garbage in the query string is ignored rather than an error.
    expect(reservationFilters.parse({ status: "bogus", page: "-4", performance: "x" })).toEqual({
      page: 1,
    });
  });

  it("shows stale pending reservations as expired", async () => {
    const performance = await createPerformance();
    const booked = await bookPending(performance.id, 2, addDays(new Date(), -2));
    const list = await listReservations(
      db,
      reservationFilters.parse({ performance: String(performance.id) }),
    );
    expect(list.rows.map((row) => [row.id, row.status])).toEqual([
      [booked.reservationId, "expired"],
    ]);
  });
});

describe("admin actions on a reservation", () => {
  it("cancel frees the seats; a check-in by hand is recorded with source admin; both are in the history", async () => {
    const actor = await admin();
    const performance = await createPerformance({ roomCapacity: 10 });
    const cancelled = await bookConfirmed(performance.id, 3);
    const arriving = await bookConfirmed(performance.id, 2);

    expect(
      await cancelAsAdmin({ db, actor, reservationId: cancelled.reservationId }),
    ).toMatchObject({ ok: true });
    expect(
      await cancelAsAdmin({ db, actor, reservationId: cancelled.reservationId }),
    ).toMatchObject({ ok: false, reason: "already_cancelled" });
    expect(
      await checkInAsAdmin({ db, actor, reservationId: arriving.reservationId }),
    ).toMatchObject({ ok: true });
    expect(
      await checkInAsAdmin({ db, actor, reservationId: arriving.reservationId }),
    ).toMatchObject({ ok: false, reason: "already_checked_in" });
    expect(
      await checkInAsAdmin({ db, actor, reservationId: cancelled.reservationId }),
    ).toMatchObject({ ok: false, reason: "reservation_not_confirmed" });
    expect(await cancelAsAdmin({ db, actor, reservationId: arriving.reservationId })).toMatchObject(
      { ok: false, reason: "already_checked_in" },
    );

    const checkIns = await checkInsOf(db, performance.id);
    expect(checkIns).toMatchObject([
      { source: "admin", reservation: { id: arriving.reservationId, partySize: 2 } },
    ]);

    const detail = await reservationDetail(db, cancelled.reservationId);
    expect(detail?.events.map((event) => event.kind)).toEqual([
      "created",
      "confirmed",
      "cancelled",
      "admin",
    ]);
    const arrived = await reservationDetail(db, arriving.reservationId);
    expect(arrived?.events.find((event) => event.kind === "checked_in")).toMatchObject({
      detail: "admin",
      by: "Door Volunteer",
    });

    const { upcoming } = await dashboard(db, { checkInWindowHours: 6 });
    expect(upcoming.find((row) => row.id === performance.id)).toMatchObject({
      capacity: 10,
      confirmedSeats: 2,
      pendingSeats: 0,
      availableSeats: 8,
      checkedInSeats: 2,
    });
  });
});

describe("attendee list and dashboard", () => {
  it("lists attendees by name; the door list holds confirmed parties only", async () => {
    const performance = await createPerformance();
    await bookConfirmed(performance.id, 2);
    await bookPending(performance.id, 1);
    expect((await attendeesOf(db, performance.id)).map((a) => a.status).sort()).toEqual([
      "confirmed",
      "pending",
    ]);
    expect(
      (await attendeesOf(db, performance.id, { confirmedOnly: true })).map((a) => [
        a.partySize,
        a.status,
      ]),
    ).toEqual([[2, "confirmed"]]);
  });

  it("lists upcoming performances nearest first with totals over the next 30 days", async () => {
    const now = addDays(new Date(), 400); // far from other tests' performances
    const later = await createPerformance({
      startsAt: addDays(now, 5),
      roomCapacity: 20,
      manuallyOccupiedSeats: 2,
    });
    const sooner = await createPerformance({
      startsAt: addHours(now, -2),
      roomCapacity: 10,
      additionalSeats: 2,
    });
    const beyond = await createPerformance({ startsAt: addDays(now, 45), roomCapacity: 50 });
    await db.reservation.createMany({
      data: [
        {
          performanceId: later.id,
          name: "A",
          email: "a@example.org",
          partySize: 4,
          status: "confirmed",
        },
        {
          performanceId: sooner.id,
          name: "C",
          email: "c@example.org",
          partySize: 12,
          status: "confirmed",
        },
        {
          performanceId: sooner.id,
          name: "D",
          email: "d@example.org",
          partySize: 2,
          status: "cancelled",
        },
      ],
    });
    // Pending seats count while the link works: one booked (at `now`) and one whose link has expired.
    await bookPending(later.id, 3, addHours(now, -1));
    await bookPending(later.id, 5, addHours(now, -48));
    const { upcoming, totals } = await dashboard(db, { now, checkInWindowHours: 6 });
    expect(upcoming.map((row) => row.id)).toEqual([sooner.id, later.id, beyond.id]);
    expect(upcoming[0]).toMatchObject({
      capacity: 12,
      confirmedSeats: 12,
      pendingSeats: 0,
      availableSeats: 0,
    });
    expect(upcoming[1]).toMatchObject({
      capacity: 18,
      confirmedSeats: 4,
      pendingSeats: 3,
      availableSeats: 14,
    });
    expect(totals).toEqual({
      performances: 2,
      capacity: 30,
      confirmedSeats: 16,
      pendingSeats: 3,
      availableSeats: 14,
      checkedInSeats: 0,
    });
  });
});
