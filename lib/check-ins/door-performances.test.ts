import { describe, expect, it } from "vitest";
import { confirmCheckIn } from "@/lib/check-ins/check-in";
import {
  countDoorSeats,
  defaultDoorPerformance,
  listDoorPerformances,
} from "@/lib/check-ins/door-performances";
import { db } from "@/lib/db";
import { addDays, addHours, zonedLocalToUtc } from "@/lib/time";
import {
  bookConfirmed,
  bookPending,
  createPerformance,
  createStaffUser,
} from "@/tests/support/factories";

const timeZone = "Europe/Rome";

describe("door performances", () => {
  it("offers today's performances first, keeps one whose check-in window is still open, drops older ones", async () => {
    const now = zonedLocalToUtc("2031-03-14T21:30", timeZone)!;
    const earlierToday = await createPerformance({
      startsAt: zonedLocalToUtc("2031-03-14T18:00", timeZone)!,
    });
    const tonight = await createPerformance({
      startsAt: zonedLocalToUtc("2031-03-14T21:00", timeZone)!,
    });
    const tomorrow = await createPerformance({ startsAt: addDays(tonight.startsAt, 1) });
    const yesterday = await createPerformance({ startsAt: addDays(tonight.startsAt, -1) });

    const ids = (
      await listDoorPerformances({
        db,
        now,
        timeZone,
        checkInWindowHours: 6,
        doorsOpenMinutesBefore: 90,
      })
    ).map((p) => p.id);

    expect(ids.indexOf(earlierToday.id)).toBe(0);
    expect(ids.indexOf(tonight.id)).toBe(1);
    expect(ids.indexOf(tomorrow.id)).toBe(2);
    expect(ids).not.toContain(yesterday.id);
  });

  it("keeps last night's late show while its window is open after midnight", async () => {
    const lateShow = await createPerformance({
      startsAt: zonedLocalToUtc("2031-05-01T23:30", timeZone)!,
    });
    const justAfterMidnight = addHours(lateShow.startsAt, 1);

    const listed = await listDoorPerformances({
      db,
      now: justAfterMidnight,
      timeZone,
      checkInWindowHours: 6,
      doorsOpenMinutesBefore: 90,
    });

    expect(listed[0]).toMatchObject({
      id: lateShow.id,
      showTitle: expect.stringMatching(/^Open Stage/),
      venueName: expect.stringMatching(/^AzioneLab Theatre/),
    });
  });
});

describe("cancelled performances at the door", () => {
  it("are listed as cancelled and never chosen, even when the link asks for one", async () => {
    const now = zonedLocalToUtc("2031-06-20T20:30", timeZone)!;
    const tonight = await createPerformance({
      startsAt: zonedLocalToUtc("2031-06-20T21:00", timeZone)!,
    });
    await db.performance.update({ where: { id: tonight.id }, data: { cancelledAt: now } });
    const tomorrow = await createPerformance({ startsAt: addDays(tonight.startsAt, 1) });

    const listed = await listDoorPerformances({
      db,
      now,
      timeZone,
      checkInWindowHours: 6,
      doorsOpenMinutesBefore: 90,
    });
    const mine = listed.filter((p) => p.id === tonight.id || p.id === tomorrow.id);

    expect(mine).toMatchObject([
      { id: tonight.id, cancelled: true },
      { id: tomorrow.id, cancelled: false },
    ]);
    expect(defaultDoorPerformance(mine, null, now)?.id).toBe(tomorrow.id);
    expect(defaultDoorPerformance(mine, tonight.id, now)?.id).toBe(tomorrow.id);
    expect(defaultDoorPerformance(mine.slice(0, 1), tonight.id, now)).toBeNull();
  });
});

describe("door counter", () => {
  it("counts checked-in seats of all confirmed seats; pending parties are not expected", async () => {
    const performance = await createPerformance({ roomCapacity: 20 });
    const staff = await createStaffUser();
    const first = await bookConfirmed(performance.id, 3);
    await bookConfirmed(performance.id, 2);
    await bookPending(performance.id, 4);

    expect(await countDoorSeats({ db, performanceId: performance.id })).toEqual({
      checkedInSeats: 0,
      confirmedSeats: 5,
    });
    await confirmCheckIn({
      db,
      target: { token: first.checkInToken },
      staff: staff,
      source: "qr_scan",
    });
    expect(await countDoorSeats({ db, performanceId: performance.id })).toEqual({
      checkedInSeats: 3,
      confirmedSeats: 5,
    });
  });

  it("answers zero of zero for a performance without bookings", async () => {
    const performance = await createPerformance();
    expect(await countDoorSeats({ db, performanceId: performance.id })).toEqual({
      checkedInSeats: 0,
      confirmedSeats: 0,
    });
  });
});
