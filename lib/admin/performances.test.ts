import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { deletePerformance, savePerformance } from "@/lib/admin/performances";
import { getAvailability } from "@/lib/availability";
import {
  bookConfirmed,
  bookPending,
  createPerformance,
  createStaffUser,
  TEST_SETTINGS,
} from "@/tests/support/factories";

const timeZone = "Europe/Rome";

async function setup(
  capacity = { roomCapacity: 10, additionalSeats: 0, manuallyOccupiedSeats: 0 },
) {
  const user = await createStaffUser("ADMIN");
  const performance = await createPerformance(capacity);
  const actor = { id: user.id, email: user.email };
  const form = (changes: Record<string, unknown> = {}) => ({
    showId: String(performance.showId),
    venueId: String(performance.venueId),
    startsAt: "2030-12-12T21:00",
    roomCapacity: "10",
    additionalSeats: "0",
    manuallyOccupiedSeats: "0",
    isBookingEnabled: "on",
    ...changes,
  });
  return { actor, performance, form };
}

describe("savePerformance", () => {
  it("stores the start entered in Rome time as the right instant", async () => {
    const { actor, form } = await setup();
    const created = await savePerformance({
      db,
      actor,
      input: form({ startsAt: "2030-07-01T20:30" }),
      timeZone,
      tokenSettings: TEST_SETTINGS,
    });
    if (!created.ok) throw new Error(JSON.stringify(created));
    const stored = await db.performance.findUniqueOrThrow({ where: { id: created.id } });
    expect(stored.startsAt.toISOString()).toBe("2030-07-01T18:30:00.000Z");
    expect(stored.isBookingEnabled).toBe(true);
  });

  it("refuses manually occupied seats beyond room plus additional seats, on that field", async () => {
    const { actor, form } = await setup();
    const result = await savePerformance({
      db,
      actor,
      input: form({ roomCapacity: "10", additionalSeats: "2", manuallyOccupiedSeats: "13" }),
      timeZone,
      tokenSettings: TEST_SETTINGS,
    });
    expect(result).toEqual({
      ok: false,
      reason: "invalid",
      fieldErrors: { manuallyOccupiedSeats: ["manual_seats_exceed_capacity"] },
    });
    expect(
      await savePerformance({
        db,
        actor,
        input: form({ roomCapacity: "-1", additionalSeats: "1.5" }),
        timeZone,
        tokenSettings: TEST_SETTINGS,
      }),
    ).toMatchObject({
      fieldErrors: { roomCapacity: ["not_negative"], additionalSeats: ["whole_number"] },
    });
  });

  it("refuses to lower capacity below the confirmed seats, saying both numbers, and changes nothing", async () => {
    const { actor, performance, form } = await setup();
    await bookConfirmed(performance.id, 4);
    await bookConfirmed(performance.id, 3);
    await bookPending(performance.id, 3); // pending seats do not count

    const lowered = await savePerformance({
      db,
      actor,
      id: performance.id,
      input: form({ roomCapacity: "8", manuallyOccupiedSeats: "2" }),
      timeZone,
      tokenSettings: TEST_SETTINGS,
    });
    expect(lowered).toEqual({
      ok: false,
      reason: "capacity_below_confirmed",
      confirmedSeats: 7,
      capacity: 6,
    });
    expect(await getAvailability(db, performance.id)).toEqual({
      capacity: 10,
      confirmedSeats: 7,
      availableSeats: 3,
    });

    // Exactly the confirmed seats is fine: the performance is then sold out.
    expect(
      await savePerformance({
        db,
        actor,
        id: performance.id,
        input: form({ roomCapacity: "5", additionalSeats: "2" }),
        timeZone,
        tokenSettings: TEST_SETTINGS,
      }),
    ).toEqual({ ok: true, id: performance.id });
    expect(await getAvailability(db, performance.id)).toEqual({
      capacity: 7,
      confirmedSeats: 7,
      availableSeats: 0,
    });
  });

  it("records creations and changes in the audit log", async () => {
    const { actor, performance, form } = await setup();
    await savePerformance({
      db,
      actor,
      id: performance.id,
      input: form({ isBookingEnabled: undefined }),
      timeZone,
      tokenSettings: TEST_SETTINGS,
    });
    const entry = await db.auditEntry.findFirstOrThrow({
      where: { entityType: "performance", entityId: performance.id },
    });
    expect(entry).toMatchObject({ action: "performance.update", actorId: actor.id });
    expect(entry.summary).toContain("booking off");
  });
});

describe("deletePerformance (PROTECT)", () => {
  it("refuses a performance with reservations, even cancelled ones, and deletes an empty one", async () => {
    const { actor, performance } = await setup();
    await bookPending(performance.id, 2);
    expect(await deletePerformance({ db, actor, id: performance.id })).toEqual({
      ok: false,
      reason: "has_reservations",
      count: 1,
    });

    const empty = await createPerformance();
    expect(await deletePerformance({ db, actor, id: empty.id })).toEqual({ ok: true });
    expect(await db.performance.count({ where: { id: empty.id } })).toBe(0);
  });
});
