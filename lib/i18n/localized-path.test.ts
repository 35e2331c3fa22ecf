import { describe, expect, it } from "vitest";
import { alternatePaths, localizedPath, splitLocale } from "@/lib/i18n/localized-path";

describe("localizedPath", () => {
  it("keeps Italian at today's paths", () => {
    expect(localizedPath("it", "/")).toBe("/");
    expect(localizedPath("it", "/shows/amleto")).toBe("/shows/amleto");
    expect(localizedPath("it", "/confirm?token=abc")).toBe("/confirm?token=abc");
  });

  it("puts English under /en", () => {
    expect(localizedPath("en", "/")).toBe("/en");
    expect(localizedPath("en", "/shows")).toBe("/en/shows");
    expect(localizedPath("en", "ticket#t=x")).toBe("/en/ticket#t=x");
    expect(localizedPath("en", "/?a=1")).toBe("/en?a=1");
    expect(localizedPath("en", "/#top")).toBe("/en#top");
  });
});

describe("splitLocale", () => {
  it("reads the language prefix", () => {
    expect(splitLocale("/en/shows/x")).toEqual({ locale: "en", path: "/shows/x" });
    expect(splitLocale("/en")).toEqual({ locale: "en", path: "/" });
    expect(splitLocale("/it/shows")).toEqual({ locale: "it", path: "/shows" });
    expect(splitLocale("/shows")).toEqual({ locale: "it", path: "/shows" });
    expect(splitLocale("/")).toEqual({ locale: "it", path: "/" });
  });

  it("does not take a page slug for a language", () => {
    expect(splitLocale("/enigma")).toEqual({ locale: "it", path: "/enigma" });
    expect(splitLocale("/fr/x")).toEqual({ locale: "it", path: "/fr/x" });
  });

  it("round-trips with localizedPath", () => {
    for (const path of ["/", "/shows", "/shows/a/b", "/contatti"]) {
      for (const locale of ["it", "en"] as const) {
        expect(splitLocale(localizedPath(locale, path))).toEqual({ locale, path });
      }
    }
  });
});

describe("alternatePaths", () => {
  it("names the page in both languages", () => {
    expect(alternatePaths("/shows")).toEqual({ it: "/shows", en: "/en/shows" });
  });
});
