import { z } from "zod";
import { optionalLine, optionalText } from "@/lib/admin/form-fields";
import { performanceInput } from "@/lib/admin/performance-input";

/** How a new performance repeats: not at all, on the dates listed, or every week until a date. */
export const REPEATS = ["none", "dates", "weekly"] as const;

/** One form creates at most this many performances (a season of weekly shows fits). */
export const MAX_SERIES = 60;

export const seriesInput = z.object({
  repeat: z.preprocess(
    (value) => (value === "" || value === undefined ? "none" : value),
    z.enum(REPEATS, { error: "invalid_choice" }),
  ),
  /** More dates at the same time, "YYYY-MM-DD", separated by lines, spaces or commas. */
  dates: optionalText(2_000),
  /** The last day of a weekly series, "YYYY-MM-DD". */
  until: optionalLine(10),
});

/** The new-performance form: one performance, and how it repeats. */
export const newPerformanceInput = z.intersection(performanceInput, seriesInput);

/** A calendar day plus `days`, as "YYYY-MM-DD" (no time zone: a day is a day). */
export function addCalendarDays(day: string, days: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}
