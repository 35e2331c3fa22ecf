import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { saveShow } from "@/lib/admin/catalog";
import { getPublicShow } from "@/lib/catalog/public-catalog";
import { db } from "@/lib/db";
import { parsePosterFile } from "@/lib/posters/poster-image";
import { MAX_POSTER_BYTES } from "@/lib/posters/poster-limits";
import { posterVariantByDigest } from "@/lib/posters/poster-store";
import { preparePoster, POSTER_WIDTHS } from "@/lib/posters/prepare-poster";
import { createStaffUser } from "@/tests/support/factories";

async function admin() {
  const user = await createStaffUser("ADMIN");
  return { id: user.id, email: user.email };
}

/** A real image of the given format and size, with some detail to encode. */
function image(format: "jpeg" | "png" | "webp", width = 600, height = 900, hue = 40) {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"><rect width="100%" height="100%" fill="hsl(${hue},60%,40%)"/><circle cx="${width / 2}" cy="${height / 3}" r="${width / 4}" fill="#faf7f2"/></svg>`;
  return sharp(Buffer.from(svg)).toFormat(format).toBuffer();
}

const counts = async () => ({
  posters: await db.poster.count(),
  variants: await db.posterVariant.count(),
});

describe("preparing a poster", () => {
  it("accepts JPEG, PNG and WebP by their bytes and encodes AVIF and WebP at each width, never wider than the upload", async () => {
    for (const format of ["jpeg", "png", "webp"] as const) {
      const prepared = await preparePoster(await image(format, 700, 1050));
      if (!prepared.ok) throw new Error(prepared.reason);
      expect(prepared.poster).toMatchObject({ width: 700, height: 1050 });
      const widths = [...new Set(prepared.poster.variants.map((v) => v.width))];
      expect(widths).toEqual([320, 640, 700]);
      for (const variant of prepared.poster.variants) {
        expect(variant.height).toBe(Math.round((1050 * variant.width) / 700));
        const meta = await sharp(Buffer.from(variant.bytes)).metadata();
        expect(meta.format).toBe(variant.format === "avif" ? "heif" : "webp");
        expect(meta.width).toBe(variant.width);
        expect(meta.exif).toBeUndefined();
      }
    }
    expect(POSTER_WIDTHS.length).toBeGreaterThan(1);
  });

  it("refuses other types, damaged files, too many bytes and too many pixels, whatever the file claims", async () => {
    const gif = await sharp(await image("png"))
      .gif()
      .toBuffer();
    const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>');
    expect(await preparePoster(gif)).toEqual({ ok: false, reason: "poster_wrong_type" });
    expect(await preparePoster(svg)).toEqual({ ok: false, reason: "poster_wrong_type" });
    expect(await preparePoster(Buffer.from("%PDF-1.7 not an image"))).toEqual({
      ok: false,
      reason: "poster_wrong_type",
    });
    const jpeg = await image("jpeg");
    expect(await preparePoster(jpeg.subarray(0, 200))).toEqual({
      ok: false,
      reason: "poster_unreadable",
    });
    const tooLarge = Buffer.concat([jpeg, Buffer.alloc(MAX_POSTER_BYTES)]);
    expect(await preparePoster(tooLarge)).toEqual({ ok: false, reason: "poster_too_large" });
    // A decompression bomb: a small PNG that would decode to 100 million pixels.
    const bomb = await sharp({
      create: { width: 10_000, height: 10_000, channels: 3, background: "#000" },
    })
      .png({ compressionLevel: 9 })
      .toBuffer();
    expect(bomb.length).toBeLessThan(MAX_POSTER_BYTES);
    expect(await preparePoster(bomb)).toEqual({ ok: false, reason: "poster_unreadable" });
  });
});

describe("a show's poster", () => {
  it("is stored with the show, served by its digest, replaced without leaving the old one behind", async () => {
    const actor = await admin();
    const saved = await saveShow({
      db,
      actor,
      input: { title: "Poster Amleto", isPublished: "on", posterAlt: "Un teschio" },
      poster: await image("jpeg", 600, 900, 10),
    });
    if (!saved.ok) throw new Error(JSON.stringify(saved));
    const show = await getPublicShow(
      db,
      (await db.show.findUniqueOrThrow({ where: { id: saved.id } })).slug,
    );
    expect(show?.poster).toMatchObject({ width: 600, height: 900, alt: "Un teschio" });
    const src = parsePosterFile(show!.poster!.src.replace("/posters/", ""));
    expect(src?.format).toBe("webp");
    // 320 and the upload's own 600: never wider than the upload.
    expect(show!.poster!.srcSet.avif.split(", ")).toHaveLength(2);
    const variant = await posterVariantByDigest(db, src!.digest);
    expect((await sharp(Buffer.from(variant!.bytes)).metadata()).width).toBe(600);
    // The English page falls back to the Italian text, never to nothing.
    const english = await getPublicShow(db, show!.slug, new Date(), "en");
    expect(english?.poster?.alt).toBe("Un teschio");

    const first = (await db.show.findUniqueOrThrow({ where: { id: saved.id } })).posterId;
    const again = await saveShow({
      db,
      actor,
      id: saved.id,
      input: { title: "Poster Amleto", isPublished: "on" },
      poster: await image("png", 600, 900, 200),
    });
    expect(again).toEqual({ ok: true, id: saved.id });
    const second = (await db.show.findUniqueOrThrow({ where: { id: saved.id } })).posterId;
    expect(second).not.toBe(first);
    expect(await db.poster.findUnique({ where: { id: first! } })).toBeNull();
    // Saving without a file keeps the poster; "remove" takes it off and deletes it.
    await saveShow({ db, actor, id: saved.id, input: { title: "Poster Amleto" } });
    expect((await db.show.findUniqueOrThrow({ where: { id: saved.id } })).posterId).toBe(second);
    await saveShow({
      db,
      actor,
      id: saved.id,
      input: { title: "Poster Amleto", removePoster: "on" },
    });
    expect((await db.show.findUniqueOrThrow({ where: { id: saved.id } })).posterId).toBeNull();
    expect(await db.poster.findUnique({ where: { id: second! } })).toBeNull();
  });

  it("refused, stores nothing at all: no poster, no show, no audit entry", async () => {
    const actor = await admin();
    const before = await counts();
    const audits = await db.auditEntry.count();
    const gif = await sharp(await image("png"))
      .gif()
      .toBuffer();
    expect(await saveShow({ db, actor, input: { title: "Poster GIF" }, poster: gif })).toEqual({
      ok: false,
      reason: "invalid",
      fieldErrors: { poster: ["poster_wrong_type"] },
    });
    // Other field errors come back together with the poster's.
    expect(
      await saveShow({
        db,
        actor,
        input: { title: "" },
        poster: Buffer.alloc(MAX_POSTER_BYTES + 1),
      }),
    ).toEqual({
      ok: false,
      reason: "invalid",
      fieldErrors: { title: ["required"], poster: ["poster_too_large"] },
    });
    expect(await counts()).toEqual(before);
    expect(await db.auditEntry.count()).toBe(audits);
    expect(await db.show.count({ where: { title: "Poster GIF" } })).toBe(0);
  });

  it("uploaded twice is stored once", async () => {
    const actor = await admin();
    const bytes = await image("webp", 500, 750, 300);
    const a = await saveShow({ db, actor, input: { title: "Poster A" }, poster: bytes });
    const b = await saveShow({ db, actor, input: { title: "Poster B" }, poster: bytes });
    if (!a.ok || !b.ok) throw new Error("not saved");
    const [showA, showB] = await Promise.all(
      [a.id, b.id].map((id) => db.show.findUniqueOrThrow({ where: { id } })),
    );
    expect(showA.posterId).not.toBeNull();
    expect(showA.posterId).toBe(showB.posterId);
    // Taken off one show, it stays for the other.
    await saveShow({ db, actor, id: a.id, input: { title: "Poster A", removePoster: "on" } });
    expect(await db.poster.findUnique({ where: { id: showB.posterId! } })).not.toBeNull();
  });
});
