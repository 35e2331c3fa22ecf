import { describe, expect, it } from "vitest";
import { savePage } from "@/lib/admin/catalog";
import { getPublicPerformance, listNavigationPages } from "@/lib/catalog/public-catalog";
import { db } from "@/lib/db";
import { addDays } from "@/lib/time";
import { createStaffUser } from "@/tests/support/factories";

describe("the site's navigation", () => {
  it("links the published pages an admin put into the header or footer, titled in the visitor's language", async () => {
    const user = await createStaffUser("ADMIN");
    const actor = { id: user.id, email: user.email };
    const page = (slug: string, input: Record<string, string>) =>
      savePage({ db, actor, input: { title: slug, slug, ...input } });
    await page("orari", {
      title: "Orari",
      titleEn: "Opening hours",
      isPublished: "on",
      inHeader: "on",
    });
    await page("stampa", { title: "Stampa", isPublished: "on", inFooter: "on" });
    await page("bozza", { title: "Bozza", inHeader: "on", inFooter: "on" });
    await page("nascosta", { title: "Nascosta", isPublished: "on" });

    const italian = await listNavigationPages(db, "it");
    const english = await listNavigationPages(db, "en");
    const slugs = (pages: { slug: string }[]) => pages.map((p) => p.slug);
    expect(slugs(italian)).toEqual(expect.arrayContaining(["orari", "stampa"]));
    expect(slugs(italian)).not.toContain("bozza");
    expect(slugs(italian)).not.toContain("nascosta");
    expect(italian.find((p) => p.slug === "orari")).toEqual({
      slug: "orari",
      title: "Orari",
      inHeader: true,
      inFooter: false,
    });
    expect(english.find((p) => p.slug === "orari")?.title).toBe("Opening hours");
    // No English title: the Italian one, never an empty link.
    expect(english.find((p) => p.slug === "stampa")?.title).toBe("Stampa");
  });
});

describe("a venue on visitor pages", () => {
  it("shows its public notes in the visitor's language and never its internal notes", async () => {
    const show = await db.show.create({
      data: { title: "Note", slug: "note-sala", isPublished: true },
    });
    const venue = await db.venue.create({
      data: {
        name: "Sala Note",
        slug: "sala-note",
        address: "Via Roma 2",
        city: "Roma",
        notes: "Chiave dal portiere",
        publicNotes: "Ingresso senza gradini",
        publicNotesEn: "Step-free entrance",
      },
    });
    const performance = await db.performance.create({
      data: {
        showId: show.id,
        venueId: venue.id,
        startsAt: addDays(new Date(), 3),
        roomCapacity: 20,
      },
    });
    const italian = await getPublicPerformance(db, performance.id, new Date(), "it");
    const english = await getPublicPerformance(db, performance.id, new Date(), "en");
    expect(italian?.venue).toEqual({
      name: "Sala Note",
      address: "Via Roma 2",
      city: "Roma",
      publicNotes: "Ingresso senza gradini",
    });
    expect(english?.venue.publicNotes).toBe("Step-free entrance");
    expect(JSON.stringify([italian, english])).not.toContain("portiere");
  });
});
