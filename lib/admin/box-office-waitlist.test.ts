// The box office frees seats too: a move away and a smaller party give them to the
// waiting list in the same transaction, as a visitor's cancellation does.
import { describe, expect, it } from "vitest";
import { editReservation } from "@/lib/admin/edit-reservation";
import { moveReservation } from "@/lib/admin/move-reservation";
import { getAvailability } from "@/lib/availability";
import { db } from "@/lib/db";
import { deliverQueuedEmails } from "@/tests/support/email-jobs";
import {
  bookConfirmed,
  createPerformance,
  createStaffUser,
  TEST_SETTINGS,
} from "@/tests/support/factories";
import { joinConfirmed, WAITLIST_SETTINGS } from "@/tests/support/waitlist";

const status = async (entryId: number) =>
  (await db.waitlistEntry.findUniqueOrThrow({ where: { id: entryId } })).status;

async function admin() {
  const user = await createStaffUser("ADMIN");
  return { id: user.id, email: user.email };
}

/** A performance of `capacity` seats taken by one confirmed party, with a party of `waiting` in line. */
async function soldOutWithLine(capacity: number, waiting: number) {
  const performance = await createPerformance({ roomCapacity: capacity });
  const booking = await bookConfirmed(performance.id, capacity);
  const entry = await joinConfirmed(performance.id, waiting);
  await deliverQueuedEmails();
  return { performance, booking, entry };
}

const move = (actor: { id: number; email: string }, reservationId: number, targetId: number) =>
  moveReservation({
    db,
    actor,
    reservationId,
    input: { performanceId: String(targetId) },
    settings: TEST_SETTINGS,
    waitlist: WAITLIST_SETTINGS,
  });

const offersSent = async () =>
  (await deliverQueuedEmails()).filter((mail) => mail.subject.startsWith("Si sono liberati"));

describe("box-office changes that free seats", () => {
  it("a move to another performance offers the seats it leaves to the source's waiting list", async () => {
    const actor = await admin();
    const { performance, booking, entry } = await soldOutWithLine(4, 3);
    const target = await createPerformance({ roomCapacity: 10 });

    const moved = await move(actor, booking.reservationId, target.id);

    expect(moved).toMatchObject({ ok: true, from: performance.id, to: target.id });
    expect(await status(entry.entryId)).toBe("offered");
    // Held for the offer: a walk-up booking cannot take them first.
    expect(await getAvailability(db, performance.id)).toMatchObject({ availableSeats: 1 });
    expect(await offersSent()).toHaveLength(1);
  });

  it("a smaller confirmed party offers the seats it gives back", async () => {
    const actor = await admin();
    const { performance, booking, entry } = await soldOutWithLine(6, 2);
    const reservation = await db.reservation.findUniqueOrThrow({
      where: { id: booking.reservationId },
    });

    const edited = await editReservation({
      db,
      actor,
      reservationId: booking.reservationId,
      input: {
        name: reservation.name,
        email: reservation.email,
        phone: reservation.phone,
        party_size: "3",
        notes: reservation.notes,
        locale: reservation.locale,
      },
      waitlist: WAITLIST_SETTINGS,
    });

    expect(edited).toMatchObject({ ok: true, changed: ["party"] });
    expect(await status(entry.entryId)).toBe("offered");
    expect(await getAvailability(db, performance.id)).toMatchObject({ availableSeats: 1 });
    expect(await offersSent()).toHaveLength(1);
  });

  it("moves in opposite directions between two performances with waiting lists both succeed", async () => {
    const actor = await admin();
    const a = await soldOutWithLine(4, 2);
    const b = await soldOutWithLine(4, 2);
    // Room on both sides for the party of 4 coming in.
    await db.performance.update({ where: { id: a.performance.id }, data: { additionalSeats: 4 } });
    await db.performance.update({ where: { id: b.performance.id }, data: { additionalSeats: 4 } });

    const [ab, ba] = await Promise.all([
      move(actor, a.booking.reservationId, b.performance.id),
      move(actor, b.booking.reservationId, a.performance.id),
    ]);

    expect(ab).toMatchObject({ ok: true });
    expect(ba).toMatchObject({ ok: true });
  });

  it("moving a pending reservation offers nothing: it held no seats", async () => {
    const actor = await admin();
    const performance = await createPerformance({ roomCapacity: 2 });
    await bookConfirmed(performance.id, 2);
    const entry = await joinConfirmed(performance.id, 2);
    const pending = await db.reservation.create({
      data: {
        performanceId: performance.id,
        status: "pending",
        name: "Pending",
        email: "pending@example.org",
        partySize: 2,
      },
    });
    const target = await createPerformance({ roomCapacity: 10 });

    const moved = await move(actor, pending.id, target.id);

    expect(moved).toMatchObject({ ok: true });
    expect(await status(entry.entryId)).toBe("waiting");
  });
});
