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
