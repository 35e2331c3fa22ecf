import { describe, expect, it } from "vitest";
import { csvCell, toCsv } from "@/lib/admin/csv";

/** Cells as a spreadsheet with `separator` as list separator reads one line. */
function splitOutsideQuotes(line: string, separator: string): string[] {
  const cells = [""];
  let quoted = false;
  for (const char of line) {
    if (char === '"') quoted = !quoted;
    if (char === separator && !quoted) cells.push("");
    else cells[cells.length - 1] += char;
  }
  return cells;
}

describe("CSV export", () => {
  it("neutralises cells a spreadsheet would run as formulas", () => {
    expect(csvCell('=HYPERLINK("http://evil.example")')).toBe(
      `"'=HYPERLINK(""http://evil.example"")"`,
    );
    expect(csvCell("+39 06 123")).toBe(`"'+39 06 123"`);
    expect(csvCell("-2+3")).toBe(`"'-2+3"`);
    expect(csvCell("@SUM(A1)")).toBe(`"'@SUM(A1)"`);
    expect(csvCell("\tcmd")).toBe(`"'\tcmd"`);
  });

  it("quotes every text cell and leaves numbers alone", () => {
    expect(csvCell("Maria Rossi")).toBe('"Maria Rossi"');
    expect(csvCell(3)).toBe("3");
    expect(csvCell(-3)).toBe("-3");
    expect(csvCell("Rossi, Maria")).toBe('"Rossi, Maria"');
    expect(csvCell(null)).toBe("");
  });

  it("keeps a name with semicolons in one cell for a spreadsheet that splits at `;`", () => {
    const line = toCsv([["Mario;=1+1;", 2]]).slice(1, -2);
    expect(line).toBe('"Mario;=1+1;",2');
    expect(splitOutsideQuotes(line, ";")).toEqual([line]);
    expect(csvCell("=1+1;x")).toBe(`"'=1+1;x"`);
  });

  it("writes rows with CRLF and a byte order mark for Excel", () => {
    expect(
      toCsv([
        ["nome", "posti"],
        ["Niccolò", 2],
      ]),
    ).toBe('\uFEFF"nome","posti"\r\n"Niccolò",2\r\n');
  });
});
