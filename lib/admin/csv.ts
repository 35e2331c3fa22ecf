// A spreadsheet runs a cell that starts with one of these as a formula (CSV injection);
// tab and carriage return can start one too after the program trims the cell.
const FORMULA_START = /^[=+\-@\t\r]/;

/** One cell: formula-looking text is prefixed with an apostrophe, then quoted as RFC 4180 asks. */
export function csvCell(value: string | number | null | undefined): string {
  let text = value === null || value === undefined ? "" : String(value);
  if (typeof value === "string" && FORMULA_START.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * Rows as CSV text with CRLF line ends, starting with a UTF-8 byte order mark so that
 * Excel reads accented names correctly.
 */
export function toCsv(rows: (string | number | null | undefined)[][]): string {
  return "\uFEFF" + rows.map((row) => row.map(csvCell).join(",")).join("\r\n") + "\r\n";
}
