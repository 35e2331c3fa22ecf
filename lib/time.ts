import { tzOffset } from "@date-fns/tz";

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

export function addHours(date: Date, hours: number): Date {
  return new Date(date.getTime() + hours * HOUR_MS);
}

export function addDays(date: Date, days: number): Date {
  return addHours(date, days * 24);
}

export function earliest(a: Date, b: Date): Date {
  return a.getTime() <= b.getTime() ? a : b;
}

const two = (n: number) => String(n).padStart(2, "0");

/**
 * The wall clock in `timeZone` at `instant`, as the UTC fields of a shifted Date, and the
 * zone's offset then (minutes east of UTC). One offset lookup: every ticket the door
 * answers formats two times, and a TZDate costs several.
 */
function wallClock(instant: Date, timeZone: string): { clock: Date; offset: number } {
  const offset = tzOffset(timeZone, instant);
  return { clock: new Date(instant.getTime() + offset * 60_000), offset };
}

const localMinutes = (clock: Date) =>
  `${String(clock.getUTCFullYear()).padStart(4, "0")}-${two(clock.getUTCMonth() + 1)}-${two(clock.getUTCDate())}T${two(clock.getUTCHours())}:${two(clock.getUTCMinutes())}`;

/** "YYYY-MM-DDTHH:mm" as the wall clock in `timeZone` reads at `instant` (for datetime-local inputs). */
export function utcToZonedLocal(instant: Date, timeZone: string): string {
  return localMinutes(wallClock(instant, timeZone).clock);
}

/** ISO 8601 with the zone's offset, as the seed contract shows: "2026-05-15T20:30:00+02:00". */
export function formatIsoInZone(date: Date, timeZone: string): string {
  const { clock, offset } = wallClock(date, timeZone);
  const sign = offset >= 0 ? "+" : "-";
  const abs = Math.abs(offset);
  return `${localMinutes(clock)}:${two(clock.getUTCSeconds())}${sign}${two(Math.floor(abs / 60))}:${two(abs % 60)}`;
}

export type ZonedLocal =
  | { ok: true; instant: Date }
  /**
   * `invalid_datetime`: not "YYYY-MM-DDTHH:mm", or a day that does not exist (30 February);
   * `nonexistent_time`: a wall-clock time skipped when the clocks go forward (02:30 on the
   * last Sunday of March in Rome).
   */
  | { ok: false; reason: "invalid_datetime" | "nonexistent_time" };

/**
 * The instant at which the wall clock in `timeZone` reads `local` ("YYYY-MM-DDTHH:mm").
 * Impossible dates are refused, not rolled over; a time skipped by a DST change is
 * refused; a time that happens twice (02:30 on the last Sunday of October in Rome) is
 * the first of the two, still summer time.
 */
export function parseZonedLocal(local: string, timeZone: string): ZonedLocal {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(local);
  if (!match) return { ok: false, reason: "invalid_datetime" };
  const [year, month, day, hour, minute] = match.slice(1).map(Number);
  const naive = new Date(0);
  naive.setUTCFullYear(year, month - 1, day);
  naive.setUTCHours(hour, minute, 0, 0);
  // Date rolls impossible fields over (30 February -> 2 March, 24:00 -> next day): refuse.
  const fields = [
    naive.getUTCFullYear(),
    naive.getUTCMonth() + 1,
    naive.getUTCDate(),
    naive.getUTCHours(),
    naive.getUTCMinutes(),
  ];
  if (fields.some((value, i) => value !== [year, month, day, hour, minute][i]))
    return { ok: false, reason: "invalid_datetime" };

  // The zone's offsets a day either side cover any change on this day; keep the
  // candidates whose wall clock really reads `local`, earliest first.
  const offsets = new Set(
    [-DAY_MS, DAY_MS].map((shift) => tzOffset(timeZone, new Date(naive.getTime() + shift))),
  );
  const candidates = [...offsets]
    .map((offsetMinutes) => new Date(naive.getTime() - offsetMinutes * 60_000))
    .filter((instant) => utcToZonedLocal(instant, timeZone) === local)
    .sort((a, b) => a.getTime() - b.getTime());
  return candidates.length > 0
    ? { ok: true, instant: candidates[0] }
    : { ok: false, reason: "nonexistent_time" };
}

/** `parseZonedLocal` for callers that only need the instant: null when there is none. */
export function zonedLocalToUtc(local: string, timeZone: string): Date | null {
  const parsed = parseZonedLocal(local, timeZone);
  return parsed.ok ? parsed.instant : null;
}

/**
 * The instant a `from` filter names: an ISO 8601 date-time as written, or a bare date
 * ("YYYY-MM-DD") as midnight at the start of that day in `timeZone` (not UTC midnight,
 * which would leave out a performance at 00:30 in Rome).
 */
export function instantFrom(value: string, timeZone: string): Date {
  const bareDate = /^\d{4}-\d{2}-\d{2}$/.test(value);
  return (bareDate ? zonedLocalToUtc(`${value}T00:00`, timeZone) : null) ?? new Date(value);
}
