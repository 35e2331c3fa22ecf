import { randomBytes } from "node:crypto";
import { expect, test, type Page } from "@playwright/test";
import sharp from "sharp";
import { signInWithApi } from "./support/staff-login";

// Posters (issue 15): uploaded in the show form, encoded once, served immutable. A refused
// file (wrong type, over 10 MB) is answered next to the field and nothing is stored.

/** A portrait JPEG with some content, as an admin's poster would be. */
async function posterJpeg(width = 600, height = 900): Promise<Buffer> {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"><rect width="100%" height="100%" fill="#2b3a55"/><circle cx="${width / 2}" cy="${height / 3}" r="${width / 4}" fill="#e8a0ab"/></svg>`;
  return sharp(Buffer.from(svg)).jpeg({ quality: 85 }).toBuffer();
}

/** Over 10 MB (a JPEG header, then padding): refused for its size whatever it holds. */
const OVERSIZED = Buffer.concat([
  Buffer.from([0xff, 0xd8, 0xff, 0xe0]),
  Buffer.alloc(11 * 1024 * 1024),
]);
const NOT_AN_IMAGE = Buffer.from("%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n");

async function newShow(page: Page, title: string) {
  await page.goto("/admin/shows/new");
  await page.getByLabel("Titolo", { exact: true }).fill(title);
  await page.getByLabel("Pubblicato sul sito").check();
}

const slugOf = (title: string) => title.toLowerCase().replace(/\s+/g, "-");

test("an admin uploads a poster: previewed, stored, served immutable, drawn without layout shift", async ({
  page,
}) => {
  await signInWithApi(page.request, "admin");
  const title = `Locandina ${randomBytes(3).toString("hex")}`;
  await newShow(page, title);
  // The picker speaks the page's language, not the browser's.
  await expect(page.getByText("Scegli un'immagine")).toBeVisible();
  await expect(page.getByText("Nessun file scelto")).toBeVisible();
  await page.locator("#field-poster").setInputFiles({
    name: "locandina.jpg",
    mimeType: "image/jpeg",
    buffer: await posterJpeg(),
  });
  await expect(page.getByRole("img", { name: "Anteprima della locandina" })).toBeVisible();
  await expect(page.getByText("locandina.jpg")).toBeVisible();
  await page.screenshot({ path: test.info().outputPath("poster-chosen.png"), fullPage: true });
  await page
    .getByLabel("Descrizione della locandina (testo alternativo)")
    .fill("Un cerchio rosa su blu");
  await page.getByLabel("Descrizione della locandina (inglese)").fill("A pink circle on blue");
  await page.getByRole("button", { name: "Salva" }).click();
  // Saved: back on the list (whose notice the toaster then takes out of the URL).
  await expect(page).toHaveURL(/\/admin\/shows(\?notice=show_saved)?$/);
  await expect(page.getByRole("link", { name: title })).toBeVisible();

  for (const [path, alt] of [
    [`/shows/${slugOf(title)}`, "Un cerchio rosa su blu"],
    [`/en/shows/${slugOf(title)}`, "A pink circle on blue"],
  ]) {
    await page.goto(path);
    const poster = page.getByRole("img", { name: alt });
    await expect(poster).toBeVisible();
    // Its own size in the markup: the browser reserves the box before the image arrives.
    await expect(poster).toHaveAttribute("width", "600");
    await expect(poster).toHaveAttribute("height", "900");
    const avif = page.locator('picture source[type="image/avif"]').first();
    expect(await avif.getAttribute("srcset")).toMatch(/^\/posters\/[0-9a-f]{64}\.avif 320w, /);
    const src = await poster.getAttribute("src");
    expect(src).toMatch(/^\/posters\/[0-9a-f]{64}\.webp$/);
    const response = await page.request.get(src!);
    expect(response.status()).toBe(200);
    expect(response.headers()["content-type"]).toBe("image/webp");
    expect(response.headers()["cache-control"]).toBe("public, max-age=31536000, immutable");
    const served = await sharp(await response.body()).metadata();
    expect(served).toMatchObject({ format: "webp", width: 600, height: 900 });
  }
  // The list shows it too, and the API names it.
  // A cached page: the poster shows within its revalidation (1 s) plus one render.
  await expect(async () => {
    await page.goto("/shows");
    await expect(page.getByRole("img", { name: "Un cerchio rosa su blu" })).toBeVisible({
      timeout: 1_000,
    });
  }).toPass({ timeout: 15_000 });
  const api = (await (await page.request.get(`/api/shows/${slugOf(title)}`)).json()) as {
    poster_image: string;
  };
  expect(api.poster_image).toMatch(/^\/posters\/[0-9a-f]{64}\.webp$/);
  // A URL that names no stored variant is a 404.
  expect((await page.request.get(`/posters/${"0".repeat(64)}.webp`)).status()).toBe(404);
});

test("with JavaScript, a wrong or oversized file is refused as soon as it is chosen", async ({
  page,
}) => {
  await signInWithApi(page.request, "admin");
  await newShow(page, `Scelta ${randomBytes(3).toString("hex")}`);
  const input = page.locator("#field-poster");
  await input.setInputFiles({
    name: "programma.pdf",
    mimeType: "application/pdf",
    buffer: NOT_AN_IMAGE,
  });
  await expect(page.locator("#field-poster-error")).toHaveText(
    /non è un'immagine JPEG, PNG o WebP/,
  );
  await expect(input).toHaveAttribute("aria-invalid", "true");
  expect(await input.evaluate((element: HTMLInputElement) => element.files?.length)).toBe(0);

  await input.setInputFiles({ name: "enorme.jpg", mimeType: "image/jpeg", buffer: OVERSIZED });
  await expect(page.locator("#field-poster-error")).toHaveText(/supera i 10 MB/);
  expect(await input.evaluate((element: HTMLInputElement) => element.files?.length)).toBe(0);
  await expect(page.getByRole("img", { name: "Anteprima della locandina" })).toHaveCount(0);
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the server refuses a file that lies about its type, and one over 10 MB: nothing is stored", async ({
    page,
  }) => {
    await signInWithApi(page.request, "admin");
    for (const [file, message] of [
      [
        { name: "finta.jpg", mimeType: "image/jpeg", buffer: NOT_AN_IMAGE },
        /non è un'immagine JPEG, PNG o WebP/,
      ],
      [{ name: "enorme.jpg", mimeType: "image/jpeg", buffer: OVERSIZED }, /supera i 10 MB/],
    ] as const) {
      const title = `Rifiutata ${randomBytes(3).toString("hex")}`;
      await newShow(page, title);
      await page.locator("#field-poster").setInputFiles(file);
      await page.getByRole("button", { name: "Salva" }).click();
      await expect(page.locator("#field-poster-error")).toHaveText(message);
      // What was typed comes back; the show was not created, nor its poster.
      await expect(page.getByLabel("Titolo", { exact: true })).toHaveValue(title);
      expect((await page.request.get(`/shows/${slugOf(title)}`)).status()).toBe(404);
      await page.goto("/admin/shows");
      await expect(page.getByText(title)).toHaveCount(0);
    }
  });
});
