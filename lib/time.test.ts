import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { formatIsoInZone, parseZonedLocal, utcToZonedLocal, zonedLocalToUtc } from "@/lib/time";

const ROME = "Europe/Rome";

describe("wall-clock times in Europe/Rome", () => {
  it("writes ISO 8601 with the local offset, in summer and winter", () => {
    expect(formatIsoInZone(new Date("2026-05-15T18:30:00Z"), ROME)).toBe(
      "2026-05-15T20:30:00+02:00",
    );
    expect(formatIsoInZone(new Date("2026-12-12T20:00:00Z"), ROME)).toBe(
      "2026-12-12T21:00:00+01:00",
    );
  });

  it("converts wall-clock times to instants and back", () => {
    expect(zonedLocalToUtc("2026-05-15T20:30", ROME)?.toISOString()).toBe(
      "2026-05-15T18:30:00.000Z",
    );
    expect(zonedLocalToUtc("2026-12-12T21:00", ROME)?.toISOString()).toBe(
      "2026-12-12T20:00:00.000Z",
    );
    expect(utcToZonedLocal(new Date("2026-12-12T20:00:00Z"), ROME)).toBe("2026-12-12T21:00");
    expect(zonedLocalToUtc("not a date", ROME)).toBeNull();
  });

  it("refuses impossible dates instead of rolling them over", () => {
    for (const local of ["2026-02-30T21:00", "2027-02-29T21:00", "2026-04-31T21:00"])
      expect(parseZonedLocal(local, ROME)).toEqual({ ok: false, reason: "invalid_datetime" });
    for (const local of ["2026-12-12T24:00", "2026-12-12T21:60", "2026-13-01T21:00"])
      expect(parseZonedLocal(local, ROME)).toEqual({ ok: false, reason: "invalid_datetime" });
    expect(parseZonedLocal("2028-02-29T21:00", ROME)).toMatchObject({ ok: true });
  });

  it("on the last Sunday of March refuses the skipped hour and converts the hours around it", () => {
    // 29 March 2026: at 02:00 the clocks go forward to 03:00 (+01:00 -> +02:00).
    expect(parseZonedLocal("2026-03-29T02:30", ROME)).toEqual({
      ok: false,
      reason: "nonexistent_time",
    });
    expect(zonedLocalToUtc("2026-03-29T01:30", ROME)?.toISOString()).toBe(
      "2026-03-29T00:30:00.000Z",
    );
    expect(zonedLocalToUtc("2026-03-29T03:30", ROME)?.toISOString()).toBe(
      "2026-03-29T01:30:00.000Z",
    );
    expect(zonedLocalToUtc("2026-03-29T21:00", ROME)?.toISOString()).toBe(
      "2026-03-29T19:00:00.000Z",
    );
  });

  it("on the last Sunday of October takes the first of the twice-lived hour", () => {
    // 25 October 2026: at 03:00 the clocks go back to 02:00 (+02:00 -> +01:00).
    expect(zonedLocalToUtc("2026-10-25T02:30", ROME)?.toISOString()).toBe(
      "2026-10-25T00:30:00.000Z",
    );
    expect(formatIsoInZone(new Date("2026-10-25T00:30:00Z"), ROME)).toBe(
      "2026-10-25T02:30:00+02:00",
    );
    expect(formatIsoInZone(new Date("2026-10-25T01:30:00Z"), ROME)).toBe(
      "2026-10-25T02:30:00+01:00",
    );
    expect(zonedLocalToUtc("2026-10-25T21:00", ROME)?.toISOString()).toBe(
      "2026-10-25T20:00:00.000Z",
    );
  });

  it("round-trips every instant to the minute (property)", () => {
    fc.assert(
      fc.property(
        fc.date({
          min: new Date("2000-01-01T00:00:00Z"),
          max: new Date("2100-01-01T00:00:00Z"),
          noInvalidDate: true,
        }),
        (date) => {
          const instant = new Date(Math.floor(date.getTime() / 60_000) * 60_000);
          const local = utcToZonedLocal(instant, ROME);
          const back = zonedLocalToUtc(local, ROME);
          // The second 02:xx of an October night maps to the first: one hour earlier.
          expect([0, 3_600_000]).toContain(instant.getTime() - back!.getTime());
          expect(utcToZonedLocal(back!, ROME)).toBe(local);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it("names every instant exactly, with the offset of its zone then (property)", () => {
    fc.assert(
      fc.property(
        fc.date({
          min: new Date("1970-01-01T00:00:00Z"),
          max: new Date("2100-01-01T00:00:00Z"),
          noInvalidDate: true,
        }),
        fc.constantFrom(ROME, "America/St_Johns", "Asia/Kathmandu", "Pacific/Chatham", "UTC"),
        (date, zone) => {
          const text = formatIsoInZone(date, zone);
          expect(text).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}$/);
          // Parsed back, the same instant to the second.
          expect(new Date(text).getTime()).toBe(Math.floor(date.getTime() / 1000) * 1000);
          // The wall clock agrees with the platform's own reading of the zone.
          const reading = new Intl.DateTimeFormat("sv-SE", {
            timeZone: zone,
            year: "numeric",
            month: "2-digit",
            day: "2-digit",
            hour: "2-digit",
            minute: "2-digit",
            hourCycle: "h23",
          }).format(date);
          expect(utcToZonedLocal(date, zone)).toBe(reading.replace(" ", "T"));
        },
      ),
      { numRuns: 1000 },
    );
  });
});
