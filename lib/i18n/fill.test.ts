import { describe, expect, it } from "vitest";
import { fill } from "@/lib/i18n/fill";
import { en, it as itMessages } from "@/lib/i18n/messages/admin";

describe("fill", () => {
  it("fills placeholders and ICU plurals: '1 gruppo', never '(1 gruppi)'", () => {
    const summary = itMessages.checkIns.summary;
    expect(fill(summary, { seats: 1, parties: 1, confirmed: 24 })).toBe(
      "1 persona entrata (1 gruppo) su 24 posti confermati",
    );
    expect(fill(summary, { seats: 4, parties: 2, confirmed: 1 })).toBe(
      "4 persone entrate (2 gruppi) su 1 posto confermato",
    );
    expect(fill(en.checkIns.summary, { seats: 0, parties: 0, confirmed: 2 }, "en")).toBe(
      "0 people checked in (0 parties) of 2 confirmed seats",
    );
    expect(fill("{n, plural, =0 {none} one {one} other {# left}}", { n: 0 })).toBe("none");
    expect(fill("Hello {name}, {missing}", { name: "Ada" })).toBe("Hello Ada, {missing}");
  });
});
