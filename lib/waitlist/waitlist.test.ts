// The waiting list on PostgreSQL: joining, confirming, offers on freed seats, the
// fit rule, booking an offer, its expiry, leaving. Emails go through the real job runner.
import { describe, expect, it } from "vitest";
import { deletePerformance, savePerformance } from "@/lib/admin/performances";
import { getAvailability } from "@/lib/availability";
import { db } from "@/lib/db";
import { cancelReservation } from "@/lib/reservations/cancel-reservation";
import { createReservation } from "@/lib/reservations/create-reservation";
import { addHours } from "@/lib/time";
import { acceptOffer } from "@/lib/waitlist/accept-offer";
import { confirmWaitlistEntry } from "@/lib/waitlist/confirm-entry";
import { expireWaitlistOffers } from "@/lib/waitlist/expire-offers";
import { joinWaitlist } from "@/lib/waitlist/join-waitlist";
import { leaveWaitlist } from "@/lib/waitlist/leave-waitlist";
import { deliverQueuedEmails } from "@/tests/support/email-jobs";
import {
  bookConfirmed,
  createPerformance,
  createStaffUser,
  TEST_SETTINGS,
} from "@/tests/support/factories";
import { joinConfirmed, joinList, linkToken, WAITLIST_SETTINGS } from "@/tests/support/waitlist";

const status = async (entryId: number) =>
  (await db.waitlistEntry.findUniqueOrThrow({ where: { id: entryId } })).status;

/** A performance of `capacity` seats, all taken by confirmed parties of `party`. */
async function fullPerformance(capacity: number, party: number, startsAt?: Date) {
  const performance = await createPerformance({ roomCapacity: capacity, startsAt });
  const bookings = [];
  for (let seats = 0; seats < capacity; seats += party)
    bookings.push(await bookConfirmed(performance.id, party));
  await deliverQueuedEmails(); // the tickets: out of the way
  return { performance, bookings };
}

describe("joining the waiting list", () => {
  it("is refused while the party fits in the free seats (book instead)", async () => {
    const performance = await createPerformance({ roomCapacity: 10 });
    await bookConfirmed(performance.id, 8);
    const result = await joinWaitlist({
      db,
      performanceId: performance.id,
      input: { name: "Ada", email: "ada@example.org", party_size: 2 },
      locale: "it",
      settings: WAITLIST_SETTINGS,
    });
    expect(result).toEqual({ ok: false, reason: "seats_available", availableSeats: 2 });
  });

  it("holds no place until the address is confirmed; every email has a leave link", async () => {
    const { performance } = await fullPerformance(4, 2);
    const joined = await joinList(performance.id, 2);
    expect(await status(joined.entryId)).toBe("unconfirmed");
    const [optIn] = await deliverQueuedEmails();
    expect(optIn.subject).toMatch(/lista d'attesa/);
    expect(linkToken(optIn, "/waitlist/confirm")).toBe(joined.optInToken);
    expect(linkToken(optIn, "/waitlist/leave")).toBe(joined.optInToken);

    // A cancellation while unconfirmed offers nothing to it.
    const seatsFree = await fullPerformance(2, 2);
    const other = await joinList(seatsFree.performance.id, 2);
    await cancelReservation({ db, reservationId: seatsFree.bookings[0].reservationId });
    expect(await status(other.entryId)).toBe("unconfirmed");

    const confirmed = await confirmWaitlistEntry({
      db,
      token: joined.optInToken,
      settings: WAITLIST_SETTINGS,
    });
    expect(confirmed).toMatchObject({ ok: true, status: "waiting", position: 1 });
    const mails = await deliverQueuedEmails();
    const welcome = mails.find((mail) => mail.subject.startsWith("Sei in lista"));
    expect(welcome).toBeDefined();
    expect(linkToken(welcome!, "/waitlist/leave")).toHaveLength(43);
    // The same address joining again gets the same answer and no second email.
    const again = await joinWaitlist({
      db,
      performanceId: performance.id,
      input: {
        name: "Giulia Bianchi",
        email: (await db.waitlistEntry.findUniqueOrThrow({ where: { id: joined.entryId } })).email,
        party_size: 2,
      },
      locale: "it",
      settings: WAITLIST_SETTINGS,
    });
    expect(again).toMatchObject({ ok: true, repeated: true });
  });
});

describe("offers", () => {
  it("a cancellation offers the freed seats to the head of the line; they are held; the offer link books them", async () => {
    const { performance, bookings } = await fullPerformance(4, 2);
    const first = await joinConfirmed(performance.id, 2);
    const second = await joinConfirmed(performance.id, 2);
    await deliverQueuedEmails();

    await cancelReservation({ db, reservationId: bookings[0].reservationId });
    expect(await status(first.entryId)).toBe("offered");
    expect(await status(second.entryId)).toBe("waiting");
    // The address-confirmation links opened again: each says where its holder stands.
    for (const [entry, reason] of [
      [first, "already_offered"],
      [second, "already_confirmed"],
    ] as const)
      expect(
        await confirmWaitlistEntry({ db, token: entry.optInToken, settings: WAITLIST_SETTINGS }),
      ).toEqual({ ok: false, reason, entryId: entry.entryId });
    // Held: nobody else can book them.
    expect(await getAvailability(db, performance.id)).toMatchObject({
      confirmedSeats: 2,
      availableSeats: 0,
    });
    const refused = await createReservation({
      db,
      performanceId: performance.id,
      input: { name: "Late", email: "late@example.org", phone: "", party_size: 1, notes: "" },
      locale: "it",
      settings: TEST_SETTINGS,
    });
    expect(refused).toMatchObject({ ok: false, reason: "insufficient_seats" });

    const mails = await deliverQueuedEmails();
    const offer = mails.find((mail) => mail.subject.startsWith("Si sono liberati"));
    expect(offer).toBeDefined();
    expect(mails.filter((mail) => mail.subject.startsWith("Si sono liberati"))).toHaveLength(1);
    const offerToken = linkToken(offer!, "/waitlist/offer");
    expect(linkToken(offer!, "/waitlist/leave")).toBe(offerToken);

    const booked = await acceptOffer({ db, token: offerToken, tokenSettings: TEST_SETTINGS });
    if (!booked.ok) throw new Error(booked.reason);
    expect(await status(first.entryId)).toBe("booked");
    expect(await getAvailability(db, performance.id)).toMatchObject({
      confirmedSeats: 4,
      availableSeats: 0,
    });
    const reservation = await db.reservation.findUniqueOrThrow({
      where: { id: booked.reservationId },
    });
    expect(reservation).toMatchObject({ status: "confirmed", partySize: 2 });
    const [ticket] = await deliverQueuedEmails();
    expect(ticket.subject).toMatch(/biglietto/);
    // The link works once.
    expect(await acceptOffer({ db, token: offerToken, tokenSettings: TEST_SETTINGS })).toEqual({
      ok: false,
      reason: "already_booked",
      offerHeld: false,
    });
  });

  it("an offer to an address that booked the performance meanwhile is refused as a booking is, and changes nothing", async () => {
    const { performance, bookings } = await fullPerformance(4, 2);
    const entry = await joinConfirmed(performance.id, 2);
    await cancelReservation({ db, reservationId: bookings[0].reservationId });
    const offerToken = linkToken(
      (await deliverQueuedEmails()).find((mail) => mail.subject.startsWith("Si sono liberati"))!,
      "/waitlist/offer",
    );
    // Two more seats appear (the admin changes the room without offering them), and the
    // same address books them the ordinary way.
    await db.performance.update({ where: { id: performance.id }, data: { additionalSeats: 2 } });
    const { email } = await db.waitlistEntry.findUniqueOrThrow({ where: { id: entry.entryId } });
    await bookConfirmed(performance.id, 2, email);

    expect(await acceptOffer({ db, token: offerToken, tokenSettings: TEST_SETTINGS })).toEqual({
      ok: false,
      reason: "already_booked",
      offerHeld: true,
    });
    expect(await status(entry.entryId)).toBe("offered");
    expect(
      await db.reservation.count({
        where: { performanceId: performance.id, email, status: "confirmed" },
      }),
    ).toBe(1);
    expect(await getAvailability(db, performance.id)).toMatchObject({
      confirmedSeats: 4,
      availableSeats: 0,
    });
  });

  it("a party of 4 at the head does not block a party of 2 behind it when only 2 seats are free", async () => {
    const { performance, bookings } = await fullPerformance(6, 2);
    const four = await joinConfirmed(performance.id, 4);
    const two = await joinConfirmed(performance.id, 2);
    const alsoFour = await joinConfirmed(performance.id, 4);

    await cancelReservation({ db, reservationId: bookings[0].reservationId });
    expect(await status(four.entryId)).toBe("waiting");
    expect(await status(two.entryId)).toBe("offered");
    expect(await status(alsoFour.entryId)).toBe("waiting");

    // Once 4 seats are free, the head of the line gets them before the later party of 4.
    await cancelReservation({ db, reservationId: bookings[1].reservationId });
    await cancelReservation({ db, reservationId: bookings[2].reservationId });
    expect(await status(four.entryId)).toBe("offered");
    expect(await status(alsoFour.entryId)).toBe("waiting");
    expect(await getAvailability(db, performance.id)).toMatchObject({ availableSeats: 0 });
  });

  it("an offer holds its seats for the offer hours, never past the start", async () => {
    const startsAt = addHours(new Date(), 3);
    const { performance, bookings } = await fullPerformance(2, 2, startsAt);
    const entry = await joinConfirmed(performance.id, 2);
    await cancelReservation({ db, reservationId: bookings[0].reservationId });
    const offered = await db.waitlistEntry.findUniqueOrThrow({ where: { id: entry.entryId } });
    expect(offered.offerExpiresAt?.getTime()).toBe(startsAt.getTime());
  });

  it("an expired offer passes to the next entry once; the visitor is told", async () => {
    const { performance, bookings } = await fullPerformance(2, 2);
    const first = await joinConfirmed(performance.id, 2);
    const second = await joinConfirmed(performance.id, 2);
    await cancelReservation({ db, reservationId: bookings[0].reservationId });
    const mails = await deliverQueuedEmails();
    const offerToken = linkToken(
      mails.find((mail) => mail.subject.startsWith("Si sono liberati"))!,
      "/waitlist/offer",
    );

    const later = addHours(new Date(), 13);
    // (Offers of the other tests in this file lapse too.)
    expect(
      await expireWaitlistOffers({ db, settings: WAITLIST_SETTINGS, now: later }),
    ).toBeGreaterThanOrEqual(1);
    expect(await expireWaitlistOffers({ db, settings: WAITLIST_SETTINGS, now: later })).toBe(0);
    expect(await status(first.entryId)).toBe("lapsed");
    expect(await status(second.entryId)).toBe("offered");
    const show = await db.show.findUniqueOrThrow({ where: { id: performance.showId } });
    const after = (await deliverQueuedEmails()).filter((mail) => mail.subject.includes(show.title));
    expect(after.map((mail) => mail.subject.slice(0, 16)).sort()).toEqual([
      "Offerta scaduta:",
      "Si sono liberati",
    ]);
    expect(
      await acceptOffer({ db, token: offerToken, tokenSettings: TEST_SETTINGS, now: later }),
    ).toEqual({ ok: false, reason: "offer_expired" });
  });

  it("leaving with an offer declines it and passes the seats on at once", async () => {
    const { performance, bookings } = await fullPerformance(2, 2);
    const first = await joinConfirmed(performance.id, 2);
    const second = await joinConfirmed(performance.id, 2);
    await cancelReservation({ db, reservationId: bookings[0].reservationId });
    const mails = await deliverQueuedEmails();
    const offer = mails.find((mail) => mail.subject.startsWith("Si sono liberati"))!;
    const left = await leaveWaitlist({
      db,
      token: linkToken(offer, "/waitlist/leave"),
      settings: WAITLIST_SETTINGS,
    });
    expect(left).toMatchObject({ ok: true, declinedOffer: true });
    expect(await status(first.entryId)).toBe("declined");
    expect(await status(second.entryId)).toBe("offered");
    // Every link of the entry stops working.
    expect(
      await acceptOffer({
        db,
        token: linkToken(offer, "/waitlist/offer"),
        tokenSettings: TEST_SETTINGS,
      }),
    ).toEqual({ ok: false, reason: "entry_ended" });
  });

  it("an admin raising the capacity or lowering manual seats offers the new seats", async () => {
    const { performance } = await fullPerformance(2, 2);
    const entry = await joinConfirmed(performance.id, 3);
    const admin = await createStaffUser("ADMIN");
    const saved = await savePerformance({
      db,
      actor: { id: admin.id, email: admin.email },
      id: performance.id,
      input: {
        showId: String(performance.showId),
        venueId: String(performance.venueId),
        startsAt: "2030-12-12T21:00",
        roomCapacity: "5",
        additionalSeats: "0",
        manuallyOccupiedSeats: "0",
        isBookingEnabled: "on",
      },
      timeZone: "Europe/Rome",
      tokenSettings: TEST_SETTINGS,
      waitlist: WAITLIST_SETTINGS,
    });
    expect(saved.ok).toBe(true);
    expect(await status(entry.entryId)).toBe("offered");
    expect(await getAvailability(db, performance.id)).toMatchObject({ availableSeats: 0 });

    // The held seats are promised: the capacity cannot drop below confirmed + held.
    const lowered = await savePerformance({
      db,
      actor: { id: admin.id, email: admin.email },
      id: performance.id,
      input: {
        showId: String(performance.showId),
        venueId: String(performance.venueId),
        startsAt: "2030-12-12T21:00",
        roomCapacity: "4",
        additionalSeats: "0",
        manuallyOccupiedSeats: "0",
        isBookingEnabled: "on",
      },
      timeZone: "Europe/Rome",
      tokenSettings: TEST_SETTINGS,
    });
    expect(lowered).toMatchObject({
      ok: false,
      reason: "capacity_below_confirmed",
      confirmedSeats: 5,
    });
  });
});

describe("deleting a performance", () => {
  it("takes its waiting list with it when it has no reservations", async () => {
    const performance = await createPerformance({ roomCapacity: 2, manuallyOccupiedSeats: 2 });
    const entry = await joinList(performance.id, 1);
    const admin = await createStaffUser("ADMIN");
    expect(
      await deletePerformance({
        db,
        actor: { id: admin.id, email: admin.email },
        id: performance.id,
      }),
    ).toMatchObject({ ok: true });
    expect(await db.waitlistEntry.count({ where: { id: entry.entryId } })).toBe(0);
  });
});
