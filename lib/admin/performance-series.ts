import type { z } from "zod";
import type { PrismaClient } from "@/lib/db";
import { writeAudit, type Actor } from "@/lib/audit/audit-log";
import { fieldErrorsOf, type FieldErrors } from "@/lib/admin/form-fields";
import {
  addCalendarDays,
  MAX_SERIES,
  newPerformanceInput,
  type seriesInput,
} from "@/lib/admin/performance-series-input";
import { showAtVenue } from "@/lib/admin/performances";
import { invalid } from "@/lib/admin/results";
import { parseZonedLocal } from "@/lib/time";
import { isSaneDate } from "@/lib/validation/text";

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** A problem with one date of a series: which field, which date, and the reason code. */
export type SeriesProblem = {
  field: "startsAt" | "dates" | "until";
  value: string;
  code:
    | "invalid_date"
    | "invalid_datetime"
    | "nonexistent_time"
    | "duplicate_date"
    | "date_taken"
    | "until_before_start"
    | "too_many_dates"
    | "date_required";
};

export type CreateSeriesResult =
  | { ok: true; ids: number[] }
  | { ok: false; reason: "invalid"; fieldErrors: FieldErrors }
  | { ok: false; reason: "series_refused"; problems: SeriesProblem[] };

function isCalendarDay(day: string): boolean {
  return DAY.test(day) && addCalendarDays(day, 0) === day;
}

/** The wall-clock starts of the series ("YYYY-MM-DDTHH:MM"), or what is wrong with it. */
function seriesStarts(
  first: string,
  series: z.output<typeof seriesInput>,
): { starts: string[]; problems: SeriesProblem[] } {
  const [firstDay, time] = first.split("T");
  const problems: SeriesProblem[] = [];
  const days = [firstDay];
  if (series.repeat === "dates") {
    const listed = series.dates.split(/[\s,;]+/).filter(Boolean);
    if (listed.length === 0) problems.push({ field: "dates", value: "", code: "date_required" });
    for (const day of listed) {
      if (!isCalendarDay(day)) problems.push({ field: "dates", value: day, code: "invalid_date" });
      else if (days.includes(day))
        problems.push({ field: "dates", value: day, code: "duplicate_date" });
      else days.push(day);
    }
  } else if (series.repeat === "weekly") {
    if (!isCalendarDay(series.until))
      problems.push({ field: "until", value: series.until, code: "invalid_date" });
    else if (series.until < firstDay)
      problems.push({ field: "until", value: series.until, code: "until_before_start" });
    else
      for (
        let day = addCalendarDays(firstDay, 7);
        day <= series.until;
        day = addCalendarDays(day, 7)
      ) {
        days.push(day);
        if (days.length > MAX_SERIES) break;
      }
  }
  if (days.length > MAX_SERIES)
    problems.push({
      field: series.repeat === "weekly" ? "until" : "dates",
      value: String(MAX_SERIES),
      code: "too_many_dates",
    });
  return { starts: days.map((day) => `${day}T${time}`), problems };
}

/**
 * Creates a new performance, or a series of them (the same show, venue, time of day and
 * seats on several dates: the dates listed, or every week until a date), in one
 * transaction with an audit entry each. The whole series is refused, and nothing is
 * created, when one date breaks a rule: a day that does not exist, a time that does not
 * exist that night in Rome (the spring clock change), a date given twice, or a date on
 * which the show already has a performance at that time. Every problem is named, not
 * only the first. A capacity left empty is taken from the venue's default capacity.
 */
export async function createPerformanceSeries({
  db,
  actor,
  input,
  timeZone,
}: {
  db: PrismaClient;
  actor: Actor;
  input: Record<string, string>;
  timeZone: string;
}): Promise<CreateSeriesResult> {
  const withCapacity = await withVenueCapacity(db, input);
  const parsed = newPerformanceInput.safeParse(withCapacity);
  if (!parsed.success) return invalid(fieldErrorsOf(parsed.error));
  const { startsAt: first, repeat, dates, until, ...settings } = parsed.data;

  const { starts, problems } = seriesStarts(first, { repeat, dates, until });
  const instants: { local: string; instant: Date }[] = [];
  starts.forEach((local, index) => {
    const field = index === 0 ? "startsAt" : repeat === "weekly" ? "until" : "dates";
    const start = parseZonedLocal(local, timeZone);
    if (!start.ok) problems.push({ field, value: local.replace("T", " "), code: start.reason });
    else if (!isSaneDate(start.instant))
      problems.push({ field, value: local.replace("T", " "), code: "invalid_datetime" });
    else instants.push({ local, instant: start.instant });
  });
  if (problems.length > 0) return { ok: false, reason: "series_refused", problems };

  return db.$transaction(async (tx) => {
    const show = await showAtVenue(tx, settings);
    if ("reason" in show) return show;
    const taken = await tx.performance.findMany({
      where: { showId: settings.showId, startsAt: { in: instants.map((s) => s.instant) } },
      select: { startsAt: true },
    });
    const takenAt = new Set(taken.map((p) => p.startsAt.getTime()));
    const clashes = instants
      .map((start, index) => ({ start, index }))
      .filter(({ start }) => takenAt.has(start.instant.getTime()))
      .map(({ start, index }): SeriesProblem => ({
        field: index === 0 ? "startsAt" : repeat === "weekly" ? "until" : "dates",
        value: start.local.replace("T", " "),
        code: "date_taken",
      }));
    if (clashes.length > 0)
      return { ok: false, reason: "series_refused", problems: clashes } as const;

    const ids: number[] = [];
    for (const { local, instant } of instants) {
      const row = await tx.performance.create({ data: { ...settings, startsAt: instant } });
      ids.push(row.id);
      await writeAudit(tx, actor, {
        action: "performance.create",
        entityType: "performance",
        entityId: row.id,
        summary: `${show.title}, ${local} (room ${row.roomCapacity}, additional ${row.additionalSeats}, manually occupied ${row.manuallyOccupiedSeats}, booking ${row.isBookingEnabled ? "on" : "off"})${instants.length > 1 ? `, series of ${instants.length}` : ""}`,
      });
    }
    return { ok: true, ids } as const;
  });
}

/** The form's input with an empty room capacity taken from the chosen venue's default. */
async function withVenueCapacity(
  db: PrismaClient,
  input: Record<string, string>,
): Promise<Record<string, string>> {
  if ((input.roomCapacity ?? "").trim() !== "") return input;
  const venueId = Number(input.venueId);
  if (!Number.isInteger(venueId) || venueId < 1 || venueId > 2_147_483_647) return input;
  const venue = await db.venue.findUnique({
    where: { id: venueId },
    select: { defaultCapacity: true },
  });
  return venue?.defaultCapacity == null
    ? input
    : { ...input, roomCapacity: String(venue.defaultCapacity) };
}
