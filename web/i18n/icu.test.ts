import { describe, expect, it } from "vitest";
import { en, it as itText } from "@/lib/i18n/messages/public";
import { icu } from "@/web/i18n/icu";

describe("ICU plurals (next-intl)", () => {
  it("never writes '1 posti' or '1 seats'", () => {
    expect(icu("it", itText.availability.open, { count: 1 })).toBe("1 posto disponibile");
    expect(icu("it", itText.availability.open, { count: 12 })).toBe("12 posti disponibili");
    expect(icu("en", en.availability.open, { count: 1 })).toBe("1 seat left");
    expect(icu("en", en.availability.open, { count: 1200 })).toBe("1,200 seats left");
    expect(icu("it", itText.availability.open, { count: 1200 })).toBe("1200 posti disponibili");
  });

  it("keeps apostrophes and leaves a placeholder for the client", () => {
    const text = icu("it", itText.sent.body, { hours: 1, email: "{email}" });
    expect(text).toContain("entro 1 ora (e prima dell'inizio");
    expect(text).toContain("a {email}:");
    expect(icu("en", en.sent.body, { hours: 24, email: "{email}" })).toContain("24 hours");
  });
});
