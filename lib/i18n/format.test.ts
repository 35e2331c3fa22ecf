import { describe, expect, it } from "vitest";
import { formatDate, formatTime } from "@/lib/i18n/format";

describe("dates in Europe/Rome", () => {
  it("formats per locale", () => {
    const date = new Date("2026-12-12T20:00:00Z");
    expect(formatDate(date, "it", "Europe/Rome")).toBe("sabato 12 dicembre 2026");
    expect(formatDate(date, "en", "Europe/Rome")).toBe("Saturday, 12 December 2026");
    expect(formatTime(date, "en", "Europe/Rome")).toBe("21:00");
  });
});
