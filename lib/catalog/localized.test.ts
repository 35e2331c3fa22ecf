import { describe, expect, it } from "vitest";
import { localized, localizePage, localizeShow } from "@/lib/catalog/localized";
import {
  getPublicShow,
  getPublishedPage,
  listPublicPerformances,
  listPublicShows,
} from "@/lib/catalog/public-catalog";
import { db } from "@/lib/db";
import { addDays } from "@/lib/time";

describe("localized", () => {
  it("picks the English text only for `en` and only when it is not blank", () => {
    expect(localized("en", "Ciao", "Hello")).toBe("Hello");
    expect(localized("it", "Ciao", "Hello")).toBe("Ciao");
    expect(localized("en", "Ciao", "")).toBe("Ciao");
    expect(localized("en", "Ciao", "  \n")).toBe("Ciao");
  });

  it("localizes shows and pages under the Italian field names, dropping the English ones", () => {
    const show = {
      id: 1,
      summary: "Breve",
      summaryEn: "Short",
      description: "Lunga",
      descriptionEn: "",
    };
    expect(localizeShow(show, "en")).toEqual({ id: 1, summary: "Short", description: "Lunga" });
    expect(localizeShow({ summary: "Breve", summaryEn: "Short" }, "it")).toEqual({
      summary: "Breve",
    });
    const page = { slug: "privacy", title: "Privacy", titleEn: "", body: "Testo", bodyEn: "Text" };
    expect(localizePage(page, "en")).toEqual({ slug: "privacy", title: "Privacy", body: "Text" });
    expect(localizePage(page, "it")).toEqual({ slug: "privacy", title: "Privacy", body: "Testo" });
  });
});

describe("public catalog in English", () => {
  it("returns English show texts when asked, Italian when the English one is empty or not asked", async () => {
    const translated = await db.show.create({
      data: {
        title: "Le serve",
        slug: "le-serve-en",
        isPublished: true,
        summary: "Genet in cucina.",
        summaryEn: "Genet in a kitchen.",
        description: "Due sorelle.",
        descriptionEn: "Two sisters.",
      },
    });
    await db.show.create({
      data: {
        title: "Voci",
        slug: "voci-it-only",
        isPublished: true,
        summary: "Storie di quartiere.",
        description: "Un laboratorio.",
      },
    });
    const venue = await db.venue.create({
      data: { name: "Sala", slug: "sala-en", address: "Via Roma 1", city: "Roma" },
    });
    await db.performance.create({
      data: {
        showId: translated.id,
        venueId: venue.id,
        startsAt: addDays(new Date(), 5),
        roomCapacity: 10,
      },
    });

    expect(await getPublicShow(db, "le-serve-en", new Date(), "en")).toMatchObject({
      title: "Le serve",
      summary: "Genet in a kitchen.",
      description: "Two sisters.",
    });
    expect(await getPublicShow(db, "le-serve-en", new Date(), "it")).toMatchObject({
      summary: "Genet in cucina.",
      description: "Due sorelle.",
    });
    expect(await getPublicShow(db, "voci-it-only", new Date(), "en")).toMatchObject({
      summary: "Storie di quartiere.",
      description: "Un laboratorio.",
    });

    const english = await listPublicShows(db, new Date(), "en");
    expect(english.map((s) => [s.slug, s.summary])).toEqual(
      expect.arrayContaining([
        ["le-serve-en", "Genet in a kitchen."],
        ["voci-it-only", "Storie di quartiere."],
      ]),
    );
    expect(english[0]).not.toHaveProperty("summaryEn");

    const [performance] = await listPublicPerformances(db, {
      showSlug: "le-serve-en",
      locale: "en",
    });
    expect(performance.show).toEqual({
      id: translated.id,
      title: "Le serve",
      slug: "le-serve-en",
      summary: "Genet in a kitchen.",
      poster: null,
    });
  });

  it("returns the English page title and body, falling back field by field", async () => {
    await db.page.create({
      data: {
        slug: "contatti",
        title: "Contatti",
        titleEn: "Contact",
        body: "Scrivici.",
        bodyEn: "",
        isPublished: true,
      },
    });
    expect(await getPublishedPage(db, "contatti", "en")).toMatchObject({
      title: "Contact",
      body: "Scrivici.",
    });
    expect(await getPublishedPage(db, "contatti")).toMatchObject({
      title: "Contatti",
      body: "Scrivici.",
    });
    expect(await getPublishedPage(db, "contatti", "en")).not.toHaveProperty("bodyEn");
  });
});
