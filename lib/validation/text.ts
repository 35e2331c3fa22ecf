import { z } from "zod";

// PostgreSQL refuses NUL in text (a 500 if it reaches a query), and other control
// characters, bidi overrides and lone surrogates only serve to hide or reorder what a
// reader sees (in an email greeting, a CSV, a door list). Every text field drops them.
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/g;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const LINE_BREAK = /\r\n?|[\u0085\u2028\u2029]/g;

/** Text that may span lines (notes, descriptions): line breaks become `\n`, tabs stay. */
export function cleanMultilineText(value: string): string {
  return value.replace(LINE_BREAK, "\n").replace(CONTROL, "").replace(LONE_SURROGATE, "\uFFFD");
}

/** One line (names, titles): every line break or tab becomes a space. */
export function cleanLineText(value: string): string {
  return cleanMultilineText(value)
    .replace(/[\n\t]+/g, " ")
    .replace(/ {2,}/g, " ");
}

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
