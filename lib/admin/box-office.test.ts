import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { getAvailability } from "@/lib/availability";
import { bookAsAdmin } from "@/lib/admin/book-as-admin";
import { bookablePerformances } from "@/lib/admin/box-office-lists";
import { editReservation } from "@/lib/admin/edit-reservation";
import { moveReservation } from "@/lib/admin/move-reservation";
import { confirmCheckIn } from "@/lib/check-ins/check-in";
import { cancelAsAdmin, listReservations } from "@/lib/admin/reservations";
import { reservationFilters } from "@/lib/admin/reservation-filters";
import { config } from "@/lib/config";
import { addDays, addHours } from "@/lib/time";
import { deliverQueuedEmails } from "@/tests/support/email-jobs";
import { actWhileReservationMoves } from "@/tests/support/moved-while-waiting";
import {
  bookConfirmed,
  bookPending,
  createPerformance,
  createStaffUser,
  TEST_SETTINGS,
} from "@/tests/support/factories";

async function admin() {
  const user = await createStaffUser("ADMIN");
  return { id: user.id, email: user.email };
}

const booking = (performanceId: number, overrides: Record<string, string> = {}) => ({
  performanceId: String(performanceId),
  channel: "phone",
  name: "Giulia Bianchi",
  email: "giulia@example.org",
  phone: "+39 333 1234567",
  party_size: "2",
  notes: "Wheelchair",
  locale: "it",
  ...overrides,
});

const book = (actor: { id: number; email: string }, input: Record<string, string>) =>
  bookAsAdmin({ db, actor, input, settings: TEST_SETTINGS });

async function deliveries(reservationId: number) {
  return db.emailDelivery.findMany({ where: { reservationId }, select: { kind: true } });
}

async function auditActions(reservationId: number) {
  const entries = await db.auditEntry.findMany({
    where: { entityType: "reservation", entityId: reservationId },
    orderBy: { id: "asc" },
  });
  return entries.map((entry) => entry.action);
}

describe("admin bookings", () => {
  it("confirms at once, takes the seats, queues the ticket email only when asked, audits", async () => {
    const actor = await admin();
    const performance = await createPerformance({ roomCapacity: 10 });

    const emailed = await book(actor, booking(performance.id, { sendEmail: "on" }));
    const silent = await book(
      actor,
      booking(performance.id, { channel: "walk_in", email: "", phone: "", party_size: "3" }),
    );
    if (!emailed.ok || !silent.ok) throw new Error("booking refused");

    expect(emailed).toMatchObject({ emailed: true, overCapacityBy: 0 });
    expect(silent).toMatchObject({ emailed: false });
    expect(await deliveries(emailed.reservationId)).toEqual([{ kind: "ticket" }]);
    expect(await deliveries(silent.reservationId)).toEqual([]);
    expect(await getAvailability(db, performance.id)).toMatchObject({
      confirmedSeats: 5,
      availableSeats: 5,
    });
    const stored = await db.reservation.findUniqueOrThrow({ where: { id: silent.reservationId } });
    expect(stored).toMatchObject({ status: "confirmed", channel: "walk_in", email: "" });
    expect(await auditActions(silent.reservationId)).toEqual(["reservation.book"]);

    // The door lets the walk-in in by its code, though no ticket was ever sent.
    const door = await confirmCheckIn({
      db,
      target: { code: silent.bookingCode, performanceId: performance.id },
      staff: actor,
      source: "code",
    });
    expect(door.ok).toBe(true);
  });

  it("emails the ticket in the language the admin chose, links and calendar included; never guesses one", async () => {
    const actor = await admin();
    const performance = await createPerformance({ roomCapacity: 10 });
    const english = await book(
      actor,
      booking(performance.id, { sendEmail: "on", locale: "en", email: "ann@example.org" }),
    );
    const noLanguage: Record<string, string> = booking(performance.id, { sendEmail: "on" });
    delete noLanguage.locale;
    expect(await book(actor, noLanguage)).toMatchObject({
      ok: false,
      fieldErrors: { locale: ["invalid_choice"] },
    });
    const italian = await book(
      actor,
      booking(performance.id, { sendEmail: "on", email: "beppe@example.org" }),
    );
    if (!english.ok || !italian.ok) throw new Error("booking refused");

    const mails = await deliverQueuedEmails();
    const show = await db.show.findUniqueOrThrow({ where: { id: performance.showId } });
    const mailTo = (to: string) => mails.find((mail) => mail.to === to)!;
    const calendar = (to: string) =>
      mailTo(to)
        .attachments.find((a) => a.contentType.startsWith("text/calendar"))!
        .content.toString("utf8")
        .replace(/\r\n /g, "");

    expect(mailTo("ann@example.org").subject).toBe(`Your ticket: ${show.title}`);
    expect(mailTo("ann@example.org").text).toMatch(/\/en\/ticket#token=/);
    expect(calendar("ann@example.org")).toContain(`URL:${config().APP_URL}/en/shows/${show.slug}`);
    expect(mailTo("beppe@example.org").subject).toBe(`Il tuo biglietto: ${show.title}`);
    expect(mailTo("beppe@example.org").text).toMatch(/\/ticket#token=/);
    expect(mailTo("beppe@example.org").text).not.toMatch(/\/en\//);
    expect(calendar("beppe@example.org")).toContain(`URL:${config().APP_URL}/shows/${show.slug}`);
  });

  it("refuses what does not fit, with no change; a guest may exceed capacity only explicitly, audited", async () => {
    const actor = await admin();
    const performance = await createPerformance({ roomCapacity: 4 });
    await bookConfirmed(performance.id, 3);

    expect(await book(actor, booking(performance.id, { party_size: "2" }))).toEqual({
      ok: false,
      reason: "insufficient_seats",
      availableSeats: 1,
    });
    expect(
      await book(actor, booking(performance.id, { party_size: "2", overrideCapacity: "on" })),
    ).toMatchObject({
      ok: false,
      reason: "invalid",
      fieldErrors: { overrideCapacity: ["override_guests_only"] },
    });
    expect(await db.reservation.count({ where: { performanceId: performance.id } })).toBe(1);

    const guest = await book(
      actor,
      booking(performance.id, { channel: "guest", party_size: "2", overrideCapacity: "on" }),
    );
    if (!guest.ok) throw new Error(guest.reason);
    expect(guest.overCapacityBy).toBe(1);
    expect(await auditActions(guest.reservationId)).toEqual([
      "reservation.book",
      "reservation.capacity_override",
    ]);
    expect(await getAvailability(db, performance.id)).toMatchObject({
      confirmedSeats: 5,
      availableSeats: 0,
    });
  });

  it("refuses bad input, a second confirmed booking of one address, a performance that is over", async () => {
    const actor = await admin();
    const performance = await createPerformance();
    const before = await db.reservation.count();
    const refused = await book(
      actor,
      booking(performance.id, {
        name: " ",
        party_size: "0",
        email: "",
        sendEmail: "on",
        channel: "vip",
      }),
    );
    expect(refused).toMatchObject({
      ok: false,
      reason: "invalid",
      fieldErrors: {
        name: ["required"],
        party_size: ["party_size_min"],
        channel: ["invalid_choice"],
      },
    });
    expect(
      await book(actor, booking(performance.id, { email: "", sendEmail: "on" })),
    ).toMatchObject({ ok: false, fieldErrors: { email: ["email_needed_to_send"] } });

    expect((await book(actor, booking(performance.id))).ok).toBe(true);
    expect(await book(actor, booking(performance.id, { email: "GIULIA@example.org" }))).toEqual({
      ok: false,
      reason: "already_booked",
    });
    const past = await createPerformance({ startsAt: addHours(new Date(), -7) });
    expect(await book(actor, booking(past.id))).toEqual({ ok: false, reason: "performance_over" });
    expect(await book(actor, booking(2_000_000_000))).toEqual({
      ok: false,
      reason: "performance_not_found",
    });
    expect(await db.reservation.count()).toBe(before + 1);
  });

  it("books nobody into a cancelled performance, and does not offer it", async () => {
    const actor = await admin();
    const performance = await createPerformance({});
    await db.performance.update({
      where: { id: performance.id },
      data: { cancelledAt: new Date() },
    });
    const offered = await bookablePerformances(db, { now: new Date(), checkInWindowHours: 6 });
    expect(offered.map((p) => p.id)).not.toContain(performance.id);
    const before = await db.reservation.count();
    expect(await book(actor, booking(performance.id))).toEqual({
      ok: false,
      reason: "performance_cancelled",
    });
    expect(await db.reservation.count()).toBe(before);
  });

  it("books for a performance whose online booking is closed (the box office decides)", async () => {
    const actor = await admin();
    const performance = await createPerformance({ isBookingEnabled: false, published: false });
    expect((await book(actor, booking(performance.id))).ok).toBe(true);
  });

  it("a walk-in without an address is cancelled without a notice, and cannot be resent", async () => {
    const actor = await admin();
    const performance = await createPerformance();
    const walkIn = await book(actor, booking(performance.id, { email: "", channel: "walk_in" }));
    if (!walkIn.ok) throw new Error(walkIn.reason);
    expect((await cancelAsAdmin({ db, actor, reservationId: walkIn.reservationId })).ok).toBe(true);
    expect(await deliveries(walkIn.reservationId)).toEqual([]);
  });
});

describe("editing a reservation", () => {
  const edit = (
    actor: { id: number; email: string },
    reservationId: number,
    overrides: Record<string, string> = {},
  ) =>
    editReservation({
      db,
      actor,
      reservationId,
      input: {
        name: "Maria Rossi",
        email: "maria@example.org",
        phone: "+39 06 0000000",
        party_size: "2",
        notes: "Arriving early",
        locale: "it",
        ...overrides,
      },
    });

  it("counts a bigger party against the performance the reservation was moved to while the edit waited", async () => {
    const actor = await admin();
    const from = await createPerformance();
    const to = await createPerformance({ roomCapacity: 3 });
    const booked = await bookConfirmed(from.id, 2);

    const edited = await actWhileReservationMoves(
      { reservationId: booked.reservationId, from: from.id, to: to.id },
      () => edit(actor, booked.reservationId, { party_size: "4" }),
    );

    // Three seats at the new performance: four do not fit there, whatever the old one had.
    expect(edited).toEqual({ ok: false, reason: "insufficient_seats", availableSeats: 1 });
    expect(await edit(actor, booked.reservationId, { party_size: "3" })).toMatchObject({
      ok: true,
    });
    expect(await getAvailability(db, to.id)).toMatchObject({ availableSeats: 0 });
  });

  it("re-checks the seats for a bigger party: refused with no change when they are gone", async () => {
    const actor = await admin();
    const performance = await createPerformance({ roomCapacity: 5 });
    const booked = await bookConfirmed(performance.id, 2);
    await bookConfirmed(performance.id, 2);

    expect(await edit(actor, booked.reservationId, { party_size: "4" })).toEqual({
      ok: false,
      reason: "insufficient_seats",
      availableSeats: 1,
    });
    const unchanged = await db.reservation.findUniqueOrThrow({
      where: { id: booked.reservationId },
    });
    expect(unchanged.partySize).toBe(2);
    expect(await auditActions(booked.reservationId)).toEqual([]);

    const { email } = await db.reservation.findUniqueOrThrow({
      where: { id: booked.reservationId },
    });
    const grown = await edit(actor, booked.reservationId, {
      email,
      party_size: "3",
      notes: "Two children",
      phone: "+39 333 0000000",
    });
    expect(grown).toMatchObject({ ok: true, changed: ["party", "phone", "notes"] });
    expect(await getAvailability(db, performance.id)).toMatchObject({ availableSeats: 0 });
    const audit = await db.auditEntry.findFirstOrThrow({
      where: { entityType: "reservation", entityId: booked.reservationId },
    });
    expect(audit).toMatchObject({ action: "reservation.update" });
    expect(audit.summary).toContain("party 2 → 3");
    expect(audit.summary).not.toContain("333");
  });

  it("a pending party may grow (it holds no seats until confirmed); not below the seats already in", async () => {
    const actor = await admin();
    const performance = await createPerformance({
      roomCapacity: 2,
      startsAt: addHours(new Date(), 1),
    });
    const pending = await bookPending(performance.id, 1);
    expect((await edit(actor, pending.reservationId, { party_size: "6" })).ok).toBe(true);

    const other = await createPerformance({ roomCapacity: 10, startsAt: addHours(new Date(), 1) });
    const booked = await bookConfirmed(other.id, 4);
    await confirmCheckIn({
      db,
      target: { token: booked.checkInToken },
      staff: actor,
      source: "qr_scan",
      seats: 3,
    });
    expect(await edit(actor, booked.reservationId, { party_size: "2" })).toEqual({
      ok: false,
      reason: "below_checked_in",
      seatsIn: 3,
    });
  });

  it("refuses a cancelled reservation and an address that already holds a confirmed one", async () => {
    const actor = await admin();
    const performance = await createPerformance();
    const first = await bookConfirmed(performance.id, 1);
    const second = await bookConfirmed(performance.id, 1);
    const firstEmail = (
      await db.reservation.findUniqueOrThrow({ where: { id: first.reservationId } })
    ).email;
    expect(await edit(actor, second.reservationId, { email: firstEmail.toUpperCase() })).toEqual({
      ok: false,
      reason: "already_booked",
    });
    await cancelAsAdmin({ db, actor, reservationId: first.reservationId });
    expect(await edit(actor, first.reservationId)).toEqual({
      ok: false,
      reason: "not_editable",
      status: "cancelled",
    });
  });
});

describe("moving a reservation", () => {
  const move = (
    actor: { id: number; email: string },
    reservationId: number,
    performanceId: number,
    sendEmail = false,
  ) =>
    moveReservation({
      db,
      actor,
      reservationId,
      input: { performanceId: String(performanceId), sendEmail: sendEmail ? "on" : "" },
      settings: TEST_SETTINGS,
    });

  it("moves the seats, the ticket's deadline and (asked) a new ticket email, in one step", async () => {
    const actor = await admin();
    const from = await createPerformance({ roomCapacity: 10 });
    const to = await createPerformance({ roomCapacity: 10, startsAt: addDays(new Date(), 20) });
    const booked = await bookConfirmed(from.id, 3);

    const moved = await move(actor, booked.reservationId, to.id, true);
    expect(moved).toMatchObject({ ok: true, from: from.id, to: to.id, emailed: true });
    expect(await getAvailability(db, from.id)).toMatchObject({ confirmedSeats: 0 });
    expect(await getAvailability(db, to.id)).toMatchObject({ confirmedSeats: 3 });
    const tickets = await db.reservationToken.findMany({
      where: { reservationId: booked.reservationId, purpose: "check_in" },
    });
    for (const ticket of tickets)
      expect(ticket.expiresAt.getTime()).toBe(to.startsAt.getTime() + 6 * 3_600_000);
    expect(await deliveries(booked.reservationId)).toContainEqual({ kind: "ticket" });
    expect(await auditActions(booked.reservationId)).toEqual(["reservation.move"]);

    // The old ticket opens the door of the new date.
    const door = await confirmCheckIn({
      db,
      target: { token: booked.checkInToken },
      staff: actor,
      source: "qr_scan",
      performanceId: to.id,
    });
    expect(door.ok).toBe(true);
  });

  it("refuses a target without the seats, changing nothing; keeps codes unique on the target", async () => {
    const actor = await admin();
    const from = await createPerformance({ roomCapacity: 10 });
    const full = await createPerformance({ roomCapacity: 2 });
    await bookConfirmed(full.id, 1);
    const booked = await bookConfirmed(from.id, 2);
    expect(await move(actor, booked.reservationId, full.id)).toEqual({
      ok: false,
      reason: "insufficient_seats",
      availableSeats: 1,
    });
    expect(
      (await db.reservation.findUniqueOrThrow({ where: { id: booked.reservationId } }))
        .performanceId,
    ).toBe(from.id);
    expect(await move(actor, booked.reservationId, from.id)).toEqual({
      ok: false,
      reason: "same_performance",
    });

    const roomy = await createPerformance({ roomCapacity: 10 });
    const there = await bookConfirmed(roomy.id, 1);
    await db.reservation.update({
      where: { id: booked.reservationId },
      data: { bookingCode: there.bookingCode },
    });
    const moved = await move(actor, booked.reservationId, roomy.id);
    if (!moved.ok) throw new Error(moved.reason);
    expect(moved.bookingCode).not.toBe(there.bookingCode);
  });
});

describe("finding reservations", () => {
  it("by phone digits however they were typed, by code, by show, by day", async () => {
    const actor = await admin();
    const performance = await createPerformance({
      roomCapacity: 10,
      startsAt: new Date("2031-05-09T18:30:00Z"),
    });
    const booked = await book(
      actor,
      booking(performance.id, { phone: "06 4455 6677", email: "", name: "Ada Finder" }),
    );
    if (!booked.ok) throw new Error(booked.reason);
    const show = await db.show.findUniqueOrThrow({ where: { id: performance.showId } });
    const ids = async (query: Record<string, string>) =>
      (
        await listReservations(db, reservationFilters.parse(query), new Date(), "Europe/Rome")
      ).rows.map((row) => row.id);
    expect(await ids({ q: "0644556677" })).toEqual([booked.reservationId]);
    expect(await ids({ q: "4455 66" })).toEqual([booked.reservationId]);
    expect(await ids({ q: booked.bookingCode.toLowerCase() })).toEqual([booked.reservationId]);
    expect(await ids({ q: show.title.toUpperCase() })).toEqual([booked.reservationId]);
    // 20:30 in Rome on 9 May; the day before and after hold nothing.
    expect(await ids({ q: "Ada Finder", date: "2031-05-09", status: "confirmed" })).toEqual([
      booked.reservationId,
    ]);
    expect(await ids({ q: "Ada Finder", date: "2031-05-10" })).toEqual([]);
    expect(await ids({ q: "Ada Finder", status: "expired" })).toEqual([]);
  });
});
