import { describe, expect, it } from "vitest";
import { csvCell, toCsv } from "@/lib/admin/csv";

describe("CSV export", () => {
  it("neutralises cells a spreadsheet would run as formulas", () => {
    expect(csvCell('=HYPERLINK("http://evil.example")')).toBe(
      `"'=HYPERLINK(""http://evil.example"")"`,
    );
    expect(csvCell("+39 06 123")).toBe("'+39 06 123");
    expect(csvCell("-2+3")).toBe("'-2+3");
    expect(csvCell("@SUM(A1)")).toBe("'@SUM(A1)");
    expect(csvCell("\tcmd")).toBe("'\tcmd");
  });

  it("leaves ordinary text and numbers alone and quotes separators", () => {
    expect(csvCell("Maria Rossi")).toBe("Maria Rossi");
    expect(csvCell(3)).toBe("3");
    expect(csvCell(-3)).toBe("-3");
    expect(csvCell("Rossi, Maria")).toBe('"Rossi, Maria"');
    expect(csvCell(null)).toBe("");
  });

  it("writes rows with CRLF and a byte order mark for Excel", () => {
    expect(
      toCsv([
        ["nome", "posti"],
        ["Niccolò", 2],
      ]),
    ).toBe("\uFEFFnome,posti\r\nNiccolò,2\r\n");
  });
});
