import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createPerformanceSeries } from "@/lib/admin/performance-series";
import { saveVenue } from "@/lib/admin/catalog";
import { utcToZonedLocal } from "@/lib/time";
import { createPerformance, createStaffUser } from "@/tests/support/factories";

const ROME = "Europe/Rome";

async function setting() {
  const user = await createStaffUser("ADMIN");
  const actor = { id: user.id, email: user.email };
  const seed = await createPerformance();
  return { actor, showId: seed.showId, venueId: seed.venueId };
}

const form = (showId: number, venueId: number, overrides: Record<string, string> = {}) => ({
  showId: String(showId),
  venueId: String(venueId),
  startsAt: "2027-03-05T20:30",
  roomCapacity: "80",
  additionalSeats: "0",
  manuallyOccupiedSeats: "0",
  isBookingEnabled: "on",
  ...overrides,
});

async function starts(showId: number) {
  const rows = await db.performance.findMany({ where: { showId }, orderBy: { startsAt: "asc" } });
  return rows.map((row) => utcToZonedLocal(row.startsAt, ROME));
}

describe("series of performances", () => {
  it("weekly until a date: the same wall-clock time across the spring clock change, audited each", async () => {
    const { actor, showId, venueId } = await setting();
    const before = await starts(showId);
    const result = await createPerformanceSeries({
      db,
      actor,
      timeZone: ROME,
      input: form(showId, venueId, { repeat: "weekly", until: "2027-04-02" }),
    });
    expect(result).toMatchObject({ ok: true });
    expect((await starts(showId)).filter((s) => !before.includes(s))).toEqual([
      "2027-03-05T20:30",
      "2027-03-12T20:30",
      "2027-03-19T20:30",
      "2027-03-26T20:30",
      "2027-04-02T20:30",
    ]);
    expect(
      await db.auditEntry.count({
        where: { action: "performance.create", summary: { contains: "series of 5" } },
      }),
    ).toBe(5);
  });

  it("is refused whole when one date breaks a rule, naming every bad date", async () => {
    const { actor, showId, venueId } = await setting();
    const before = await db.performance.count();
    const audited = await db.auditEntry.count();
    const result = await createPerformanceSeries({
      db,
      actor,
      timeZone: ROME,
      input: form(showId, venueId, {
        repeat: "dates",
        dates: "2027-03-12, 2027-02-30\n2027-03-12 2027-03-28",
        startsAt: "2027-03-05T02:30",
      }),
    });
    expect(result).toEqual({
      ok: false,
      reason: "series_refused",
      problems: [
        { field: "dates", value: "2027-02-30", code: "invalid_date" },
        { field: "dates", value: "2027-03-12", code: "duplicate_date" },
        // 02:30 does not exist in Rome on the night the clocks go forward.
        { field: "dates", value: "2027-03-28 02:30", code: "nonexistent_time" },
      ],
    });
    expect(await db.performance.count()).toBe(before);
    expect(await db.auditEntry.count()).toBe(audited);
  });

  it("refuses a date on which the show already plays at that time; nothing is created", async () => {
    const { actor, showId, venueId } = await setting();
    await createPerformanceSeries({ db, actor, timeZone: ROME, input: form(showId, venueId) });
    const before = await db.performance.count();
    const result = await createPerformanceSeries({
      db,
      actor,
      timeZone: ROME,
      input: form(showId, venueId, {
        startsAt: "2027-02-26T20:30",
        repeat: "weekly",
        until: "2027-03-12",
      }),
    });
    expect(result).toEqual({
      ok: false,
      reason: "series_refused",
      problems: [{ field: "until", value: "2027-03-05 20:30", code: "date_taken" }],
    });
    expect(await db.performance.count()).toBe(before);
  });

  it("refuses an end before the start and more than 60 dates", async () => {
    const { actor, showId, venueId } = await setting();
    expect(
      await createPerformanceSeries({
        db,
        actor,
        timeZone: ROME,
        input: form(showId, venueId, { repeat: "weekly", until: "2027-03-01" }),
      }),
    ).toMatchObject({ ok: false, problems: [{ code: "until_before_start" }] });
    expect(
      await createPerformanceSeries({
        db,
        actor,
        timeZone: ROME,
        input: form(showId, venueId, { repeat: "weekly", until: "2029-01-01" }),
      }),
    ).toMatchObject({ ok: false, problems: [{ code: "too_many_dates" }] });
  });

  it("takes an empty room capacity from the venue's usual capacity", async () => {
    const { actor, showId } = await setting();
    const venue = await saveVenue({
      db,
      actor,
      input: { name: "Sala Piccola", address: "Via Uno 1", city: "Roma", defaultCapacity: "45" },
    });
    if (!venue.ok) throw new Error(venue.reason);
    const created = await createPerformanceSeries({
      db,
      actor,
      timeZone: ROME,
      input: form(showId, venue.id, { roomCapacity: "" }),
    });
    if (!created.ok) throw new Error(created.reason);
    expect(
      (await db.performance.findUniqueOrThrow({ where: { id: created.ids[0] } })).roomCapacity,
    ).toBe(45);
    expect(
      await saveVenue({
        db,
        actor,
        id: venue.id,
        input: { name: "Sala Piccola", address: "Via Uno 1", city: "Roma", defaultCapacity: "-3" },
      }),
    ).toMatchObject({ ok: false, fieldErrors: { defaultCapacity: ["not_negative"] } });
  });
});
