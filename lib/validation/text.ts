import { z } from "zod";
import { cleanLineText, cleanMultilineText } from "@/lib/validation/clean-text";

export { cleanLineText, cleanMultilineText };

/** A one-line text field; chain `.trim().min().max()` as on any string. */
export const lineText = (params?: Parameters<typeof z.string>[0]) =>
  z.string(params).overwrite(cleanLineText);

/** A text field that may span lines. */
export const multilineText = (params?: Parameters<typeof z.string>[0]) =>
  z.string(params).overwrite(cleanMultilineText);

/** A database row id: PostgreSQL `integer`, so 1..2^31-1. */
export const MAX_ROW_ID = 2_147_483_647;
export const rowId = z.number().int().min(1).max(MAX_ROW_ID);

/**
 * A row id from a path segment or query value ("42"), or null for anything else ("042",
 * "1e3", "4294967296"): the page answers 404 without querying.
 */
export function parseRowId(value: string | undefined): number | null {
  if (!value || !/^[1-9]\d{0,9}$/.test(value)) return null;
  const id = rowId.safeParse(Number(value));
  return id.success ? id.data : null;
}

/** A datetime an admin may set or a client may filter by: refuses year 0 and year 99999. */
export const SANE_DATE_RANGE = {
  min: new Date("2000-01-01T00:00:00Z"),
  max: new Date("2100-01-01T00:00:00Z"),
} as const;

export function isSaneDate(date: Date): boolean {
  const time = date.getTime();
  return time >= SANE_DATE_RANGE.min.getTime() && time < SANE_DATE_RANGE.max.getTime();
}

/** Lower-case words joined by single hyphens, as in public URLs. */
export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** A slug as a URL may carry one: anything else (NUL, `%FF`, 10 KB) names no row and is never queried. */
export function isSlug(value: string): boolean {
  return value.length <= 220 && SLUG_PATTERN.test(value);
}
