import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import {
  deletePage,
  deleteShow,
  deleteVenue,
  savePage,
  saveShow,
  saveVenue,
} from "@/lib/admin/catalog";
import { slugify } from "@/lib/admin/slug";
import { createPerformance, createStaffUser } from "@/tests/support/factories";

async function admin() {
  const user = await createStaffUser("ADMIN");
  return { id: user.id, email: user.email };
}

describe("slugs", () => {
  it("come from the title without accents or punctuation", () => {
    expect(slugify("Il giardino dei ciliegi!")).toBe("il-giardino-dei-ciliegi");
    expect(slugify("  Čechov: Zio Vanja — 2026  ")).toBe("cechov-zio-vanja-2026");
    expect(slugify("Perché sì")).toBe("perche-si");
  });

  it("are generated when left empty, numbered when taken, and refused when typed but taken", async () => {
    const actor = await admin();
    const first = await saveShow({
      db,
      actor,
      input: { title: "Le Serve", slug: "", isPublished: "on" },
    });
    const second = await saveShow({ db, actor, input: { title: "Le serve", slug: "" } });
    expect(first.ok && second.ok).toBe(true);
    const slugs = await db.show.findMany({
      where: { title: { in: ["Le Serve", "Le serve"] } },
      orderBy: { id: "asc" },
      select: { slug: true, isPublished: true },
    });
    expect(slugs).toEqual([
      { slug: "le-serve", isPublished: true },
      { slug: "le-serve-2", isPublished: false },
    ]);

    expect(await saveShow({ db, actor, input: { title: "Altro", slug: "le-serve" } })).toEqual({
      ok: false,
      reason: "invalid",
      fieldErrors: { slug: ["slug_taken"] },
    });
    // Keeping its own slug on edit is not a conflict.
    if (!first.ok) throw new Error("unreachable");
    expect(
      await saveShow({
        db,
        actor,
        id: first.id,
        input: { title: "Le Serve (ripresa)", slug: "le-serve" },
      }),
    ).toEqual({ ok: true, id: first.id });
  });

  it("must be lower-case words and hyphens", async () => {
    const result = await saveVenue({
      db,
      actor: await admin(),
      input: { name: "Sala", slug: "Sala Uno!", address: "Via Roma 1", city: "Roma" },
    });
    expect(result).toMatchObject({ ok: false, fieldErrors: { slug: ["invalid_slug"] } });
  });
});

describe("show, venue and page forms", () => {
  it("name the fields that are missing or wrong", async () => {
    const actor = await admin();
    expect(
      await saveShow({ db, actor, input: { title: " ", posterImage: "javascript:alert(1)" } }),
    ).toMatchObject({
      ok: false,
      fieldErrors: { title: ["required"], posterImage: ["invalid_url"] },
    });
    expect(await saveVenue({ db, actor, input: { name: "Sala" } })).toMatchObject({
      fieldErrors: { address: ["required"], city: ["required"] },
    });
    expect(await savePage({ db, actor, input: { title: "x".repeat(201) } })).toMatchObject({
      fieldErrors: { title: ["too_long"] },
    });
  });

  it("record every change in the audit log", async () => {
    const actor = await admin();
    const page = await savePage({
      db,
      actor,
      input: { title: "Chi siamo", body: "# AzioneLab", isPublished: "on" },
    });
    if (!page.ok) throw new Error("page not saved");
    expect(await db.page.findUniqueOrThrow({ where: { id: page.id } })).toMatchObject({
      slug: "chi-siamo",
      isPublished: true,
    });
    expect(await deletePage({ db, actor, id: page.id })).toEqual({ ok: true });
    expect(await deletePage({ db, actor, id: page.id })).toEqual({
      ok: false,
      reason: "not_found",
    });

    const entries = await db.auditEntry.findMany({
      where: { entityType: "page", entityId: page.id },
      orderBy: { id: "asc" },
    });
    expect(entries.map((entry) => [entry.action, entry.actorId, entry.actorEmail])).toEqual([
      ["page.create", actor.id, actor.email],
      ["page.delete", actor.id, actor.email],
    ]);
  });
});

describe("deleting what performances depend on (PROTECT)", () => {
  it("refuses a show or venue with performances, saying how many", async () => {
    const actor = await admin();
    const performance = await createPerformance();
    expect(await deleteShow({ db, actor, id: performance.showId })).toEqual({
      ok: false,
      reason: "has_performances",
      count: 1,
    });
    expect(await deleteVenue({ db, actor, id: performance.venueId })).toEqual({
      ok: false,
      reason: "has_performances",
      count: 1,
    });
    expect(await db.show.count({ where: { id: performance.showId } })).toBe(1);
    expect(await db.auditEntry.count({ where: { actorId: actor.id } })).toBe(0);
  });

  it("deletes a show or venue nothing depends on", async () => {
    const actor = await admin();
    const show = await saveShow({ db, actor, input: { title: "Prova" } });
    const venue = await saveVenue({
      db,
      actor,
      input: { name: "Cortile", address: "Via X 1", city: "Roma" },
    });
    if (!show.ok || !venue.ok) throw new Error("not saved");
    expect(await deleteShow({ db, actor, id: show.id })).toEqual({ ok: true });
    expect(await deleteVenue({ db, actor, id: venue.id })).toEqual({ ok: true });
    expect(await deleteShow({ db, actor, id: show.id })).toEqual({
      ok: false,
      reason: "not_found",
    });
  });
});
