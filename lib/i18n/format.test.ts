import { describe, expect, it } from "vitest";
import { formatDate, formatIsoInZone, formatTime } from "@/lib/i18n/format";
import { utcToZonedLocal, zonedLocalToUtc } from "@/lib/time";

describe("dates in Europe/Rome", () => {
  it("formats per locale", () => {
    const date = new Date("2026-12-12T20:00:00Z");
    expect(formatDate(date, "it", "Europe/Rome")).toBe("sabato 12 dicembre 2026");
    expect(formatDate(date, "en", "Europe/Rome")).toBe("Saturday, 12 December 2026");
    expect(formatTime(date, "en", "Europe/Rome")).toBe("21:00");
  });

  it("writes ISO 8601 with the local offset, in summer and winter", () => {
    expect(formatIsoInZone(new Date("2026-05-15T18:30:00Z"), "Europe/Rome")).toBe(
      "2026-05-15T20:30:00+02:00",
    );
    expect(formatIsoInZone(new Date("2026-12-12T20:00:00Z"), "Europe/Rome")).toBe(
      "2026-12-12T21:00:00+01:00",
    );
  });

  it("converts wall-clock times to instants and back", () => {
    expect(zonedLocalToUtc("2026-05-15T20:30", "Europe/Rome")?.toISOString()).toBe(
      "2026-05-15T18:30:00.000Z",
    );
    expect(zonedLocalToUtc("2026-12-12T21:00", "Europe/Rome")?.toISOString()).toBe(
      "2026-12-12T20:00:00.000Z",
    );
    expect(utcToZonedLocal(new Date("2026-12-12T20:00:00Z"), "Europe/Rome")).toBe(
      "2026-12-12T21:00",
    );
    expect(zonedLocalToUtc("not a date", "Europe/Rome")).toBeNull();
  });
});
