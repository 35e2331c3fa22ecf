import { expect, test } from "@playwright/test";
import { randomBytes } from "node:crypto";
import { linkIn, newestMail } from "./support/mail";
import { bookablePerformance, bookTicket } from "./support/staff-tickets";

// The public site in both languages (issue 14): Italian at today's paths, English under
// /en, the switch to the same page, hreflang/canonical, old URLs, search engines.
const SHOW = "/shows/le-serve";

const PAGES: { path: string; it: RegExp; en: RegExp }[] = [
  { path: "/", it: /AzioneLab/, en: /AzioneLab/ },
  { path: "/shows", it: /^Spettacoli$/, en: /^Shows$/ },
  { path: SHOW, it: /^Le serve$/, en: /./ },
  { path: "/contatti", it: /Contatti/, en: /./ },
  { path: "/lost-ticket", it: /biglietto/i, en: /ticket/i },
  { path: "/confirm", it: /Conferma/, en: /confirmation/i },
  { path: "/ticket", it: /biglietto/i, en: /ticket/i },
];

const inEnglish = (path: string) => (path === "/" ? "/en" : `/en${path}`);

for (const { path, it, en } of PAGES) {
  test(`${path}: Italian at today's path, English under /en, each with canonical and hreflang`, async ({
    page,
    baseURL,
  }) => {
    for (const [locale, url, heading] of [
      ["it", path, it],
      ["en", inEnglish(path), en],
    ] as const) {
      const response = await page.goto(url);
      expect(response?.status(), url).toBe(200);
      expect(new URL(page.url()).pathname).toBe(url);
      await expect(page.locator("html")).toHaveAttribute("lang", locale);
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(heading);
      // Absolute URLs from APP_URL ("https://site" and "https://site/" are the same).
      const href = async (selector: string) =>
        new URL((await page.locator(selector).getAttribute("href"))!).href;
      const absolute = (to: string) => new URL(to, baseURL).href;
      expect(await href('link[rel="canonical"]')).toBe(absolute(url));
      expect(await href('link[rel="alternate"][hreflang="it"]')).toBe(absolute(path));
      expect(await href('link[rel="alternate"][hreflang="en"]')).toBe(absolute(inEnglish(path)));
      expect(await href('link[rel="alternate"][hreflang="x-default"]')).toBe(absolute(path));
    }
  });
}

test("the booking page exists in both languages, with the form in that language", async ({
  page,
}) => {
  await page.goto(SHOW);
  const booking = await page
    .getByRole("link", { name: /^Prenota per/ })
    .first()
    .getAttribute("href");
  expect(booking).toMatch(/^\/shows\/le-serve\/\d+$/);
  await page.goto(booking!);
  await expect(page.locator("html")).toHaveAttribute("lang", "it");
  await expect(page.getByLabel("Nome e cognome")).toBeVisible();

  await page.goto(inEnglish(SHOW));
  const english = await page
    .getByRole("link", { name: /^Book for/ })
    .first()
    .getAttribute("href");
  expect(english).toBe(`/en${booking}`);
  await page.goto(english!);
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expect(page.getByLabel("Full name")).toBeVisible();
});

test("the switch goes to the same page in the other language, and back", async ({ page }) => {
  await page.goto(SHOW);
  await page.getByRole("link", { name: "English" }).click();
  await expect(page).toHaveURL(new RegExp(`/en${SHOW}$`));
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expect(page.getByRole("link", { name: "All shows" }).first()).toBeVisible();
  await page.getByRole("link", { name: "Italiano" }).click();
  await expect(page).toHaveURL(new RegExp(`${SHOW}$`));
  await expect(page.locator("html")).toHaveAttribute("lang", "it");
  await expect(page.getByRole("link", { name: "Tutti gli spettacoli" }).first()).toBeVisible();
});

test.describe("before JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the switch is a plain link, and the English pages are complete", async ({ page }) => {
    await page.goto("/shows");
    await page.getByRole("link", { name: "English" }).click();
    await expect(page).toHaveURL(/\/en\/shows$/);
    await expect(page.getByRole("heading", { level: 1, name: "Shows" })).toBeVisible();
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    // Links inside the English site stay English.
    const links = await page
      .locator("main a[href^='/']")
      .evaluateAll((all) => all.map((a) => a.getAttribute("href")!));
    expect(links.length).toBeGreaterThan(0);
    for (const href of links) expect(href).toMatch(/^\/en(\/|$)/);
  });
});

test("the switch keeps the query and the ticket's token, so the ticket stays open", async ({
  page,
  request,
}) => {
  const ticket = await bookTicket(request, { partySize: 1 });
  const token = `#token=${ticket.token}`;
  await page.goto(`/ticket${token}`);
  await expect(page.getByText("Codice prenotazione")).toBeVisible();
  await page.getByRole("link", { name: "English" }).click();
  await expect(page).toHaveURL(new RegExp(`/en/ticket${token}$`));
  await expect(page.getByText("Booking code")).toBeVisible();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Your ticket");

  await page.goto("/shows?from=2026-01-01");
  await page.getByRole("link", { name: "English" }).click();
  await expect(page).toHaveURL(/\/en\/shows\?from=2026-01-01$/);
});

test("a booking confirmed in English leaves the visitor on the English ticket", async ({
  page,
  request,
}) => {
  const email = `lang-${randomBytes(6).toString("hex")}@example.org`;
  const performance = await bookablePerformance(request);
  const booked = await request.post(`/api/performances/${performance}/reservations`, {
    data: { name: "Anna Bianchi", email, party_size: 1 },
  });
  expect(booked.status()).toBe(201);
  const fragment = new URL(linkIn(await newestMail(email), "confirm")).hash;
  await page.goto(`/en/confirm${fragment}`);
  await expect(page.getByText("Booking code")).toBeVisible();
  await expect(page).toHaveURL(/\/en\/ticket#token=[A-Za-z0-9_-]{43}$/);
  await page.reload();
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expect(page.getByText("Booking code")).toBeVisible();
});

test("old and alternative URLs redirect to the one URL of each page", async ({ request }) => {
  for (const [from, to] of [
    ["/it", "/"],
    ["/it/shows", "/shows"],
    [`/it${SHOW}`, SHOW],
    ["/shows/", "/shows"],
    ["/en/shows/", "/en/shows"],
  ]) {
    const response = await request.get(from, { maxRedirects: 0 });
    expect([301, 307, 308], from).toContain(response.status());
    expect(new URL(response.headers().location!, "http://x").pathname, from).toBe(to);
  }
  // Links in emails already sent keep working, in Italian.
  for (const path of ["/confirm", "/ticket", "/lost-ticket", "/privacy"]) {
    const response = await request.get(path, { maxRedirects: 0 });
    expect(response.status(), path).toBe(200);
    expect(await response.text()).toContain('<html lang="it"');
  }
  expect((await request.get("/en/no-such-page")).status()).toBe(404);
  expect((await request.get("/fr/shows")).status()).toBe(404);
});

test("a show page describes each performance as a schema.org Event, and has sharing tags", async ({
  page,
  baseURL,
}) => {
  await page.goto(inEnglish(SHOW));
  const blocks = await page.locator('script[type="application/ld+json"]').allTextContents();
  expect(blocks).toHaveLength(1);
  const events = JSON.parse(blocks[0]) as Record<string, unknown>[];
  expect(events.length).toBeGreaterThan(0);
  for (const event of events) {
    expect(event).toMatchObject({
      "@context": "https://schema.org",
      "@type": "TheaterEvent",
      name: "Le serve",
      eventStatus: "https://schema.org/EventScheduled",
      location: { "@type": "Place", address: { "@type": "PostalAddress" } },
      offers: { "@type": "Offer", price: 0 },
    });
    expect(event.startDate).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d\d:\d\d$/);
    expect(["https://schema.org/InStock", "https://schema.org/SoldOut"]).toContain(
      (event.offers as { availability: string }).availability,
    );
  }
  await expect(page.locator('meta[property="og:title"]')).toHaveAttribute("content", "Le serve");
  await expect(page.locator('meta[property="og:url"]')).toHaveAttribute(
    "content",
    `${baseURL}/en${SHOW}`,
  );
  await expect(page.locator('meta[property="og:locale"]')).toHaveAttribute("content", "en_GB");
  await expect(page.locator('meta[name="twitter:card"]')).toHaveAttribute("content", /summary/);
  await expect(page.locator('meta[name="description"]')).toHaveAttribute("content", /.+/);
});

test("sitemap.xml lists both languages; robots.txt keeps private areas out", async ({
  request,
  baseURL,
}) => {
  const sitemap = await (await request.get("/sitemap.xml")).text();
  for (const path of ["", "/shows", SHOW, "/contatti", "/privacy"]) {
    expect(sitemap).toContain(`<loc>${baseURL}${path || "/"}</loc>`);
    expect(sitemap).toContain(`<loc>${baseURL}/en${path}</loc>`);
  }
  expect(sitemap).toContain('hreflang="en"');
  expect(sitemap).not.toContain("/prove-aperte");
  expect(sitemap).not.toContain("/confirm");
  const robots = await (await request.get("/robots.txt")).text();
  for (const path of ["/admin", "/staff", "/confirm", "/ticket", "/en/confirm", "/en/ticket"])
    expect(robots).toContain(`Disallow: ${path}\n`);
  expect(robots).toContain(`Sitemap: ${baseURL}/sitemap.xml`);
});

test("read-only pages are served from the cache; the booking page is rendered per request", async ({
  request,
}) => {
  for (const path of ["/shows", inEnglish(SHOW), "/contatti"]) {
    await request.get(path);
    const again = await request.get(path);
    expect(again.headers()["x-nextjs-cache"], path).toMatch(/HIT|STALE/);
    expect(await again.text(), path).not.toContain(" nonce=");
  }
  const show = await (await request.get(SHOW)).text();
  const booking = /href="(\/shows\/le-serve\/\d+)"/.exec(show)![1];
  const response = await request.get(booking);
  expect(response.headers()["x-nextjs-cache"]).toBeUndefined();
  expect(await response.text()).toContain(" nonce=");
});
