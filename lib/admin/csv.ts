// A spreadsheet runs a cell that starts with one of these as a formula (CSV injection);
// tab and carriage return can start one too after the program trims the cell.
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * One cell: a number as it is; text with a formula-looking start prefixed with an
 * apostrophe, and always quoted. Quoting only cells with a comma is not enough: a
 * spreadsheet set to Italian splits unquoted cells at `;`, and `Mario;=1+1` becomes a
 * formula cell.
 */
export function csvCell(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "number") return String(value);
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return `"${text.replace(/"/g, '""')}"`;
}

/**
 * Rows as CSV text with CRLF line ends, starting with a UTF-8 byte order mark so that
 * Excel reads accented names correctly.
 */
export function toCsv(rows: (string | number | null | undefined)[][]): string {
  return "\uFEFF" + rows.map((row) => row.map(csvCell).join(",")).join("\r\n") + "\r\n";
}
