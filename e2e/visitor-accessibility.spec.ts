import { randomBytes } from "node:crypto";
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { linkIn, newestMail } from "./support/mail";

/** A confirmed ticket's page URL, got the way a visitor gets it: API booking, emailed link, confirm. */
async function ticketUrl(page: Page): Promise<string> {
  const email = `axe-${randomBytes(5).toString("hex")}@example.org`;
  const { results } = (await (
    await page.request.get("/api/performances?show=le-serve")
  ).json()) as { results: { id: number; available_seats: number }[] };
  const performance = results.find((p) => p.available_seats >= 1)!;
  const booked = await page.request.post(`/api/performances/${performance.id}/reservations`, {
    data: { name: "Axe", email, party_size: 1 },
  });
  expect(booked.status()).toBe(201);
  const token = linkIn(await newestMail(email), "confirm").split("#token=")[1];
  const confirmed = await page.request.post("/api/reservations/confirm", { data: { token } });
  const url = new URL(((await confirmed.json()) as { ticket_url: string }).ticket_url);
  return url.pathname + url.hash;
}

async function expectNoViolations(page: Page, name: string) {
  const results = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"])
    .analyze();
  expect(
    results.violations.map(
      (v) => `${name}: ${v.id} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`,
    ),
  ).toEqual([]);
}

for (const locale of ["it", "en"] as const) {
  test.describe(`axe, ${locale}`, () => {
    // The language is in the URL: Italian at today's paths, English under /en.
    const at = (path: string) => (locale === "it" ? path : path === "/" ? "/en" : `/en${path}`);

    // One test per page: each axe scan gets its own time budget, so a busy machine (a
    // build running beside the tests) slows the run down without failing it.
    for (const path of ["/", "/shows", "/shows/le-serve", "/lost-ticket", "/privacy"]) {
      test(`page ${path}`, async ({ page }) => {
        await page.goto(at(path));
        await expect(page.locator("html")).toHaveAttribute("lang", locale);
        await expectNoViolations(page, path);
      });
    }

    test("booking page, with and without errors", async ({ page }) => {
      await page.goto(at("/shows/le-serve"));
      await page
        .getByRole("link", { name: locale === "it" ? /^Prenota per/ : /^Book for/ })
        .first()
        .click();
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
      await expectNoViolations(page, "booking");
      // With the errors showing, too.
      await page.getByRole("button", { name: locale === "it" ? "Prenota" : "Book" }).click();
      await expect(page.locator("[aria-invalid=true]").first()).toBeVisible();
      await expectNoViolations(page, "booking with errors");
    });

    test("confirm and ticket pages", async ({ page }) => {
      await page.goto(at(`/confirm#token=${"A".repeat(43)}`));
      await expect(page.getByText(locale === "it" ? /non è valido/ : /not valid/)).toBeVisible();
      await expectNoViolations(page, "confirm (unknown)");

      await page.goto(at(await ticketUrl(page)));
      await expect(
        page.getByRole("img", { name: locale === "it" ? /Codice QR/ : /QR code/ }),
      ).toBeVisible();
      await expectNoViolations(page, "ticket");
      await page
        .getByRole("button", {
          name: locale === "it" ? "Annulla la prenotazione" : "Cancel this booking",
        })
        .click();
      await expectNoViolations(page, "ticket, cancel question");
    });
  });
}

test("the language switch changes the language and keeps the page", async ({ page }) => {
  await page.goto("/shows");
  await expect(page.getByRole("heading", { level: 1, name: "Spettacoli" })).toBeVisible();
  await page.getByRole("link", { name: "English" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Shows" })).toBeVisible();
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expect(page).toHaveURL(/\/en\/shows$/);
  await page.getByRole("link", { name: "Italiano" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Spettacoli" })).toBeVisible();
  await expect(page).toHaveURL(/[^n]\/shows$/);
});

test("unpublished shows and unknown pages answer 404", async ({ request }) => {
  expect((await request.get("/shows/prove-aperte")).status()).toBe(404);
  expect((await request.get("/no-such-page")).status()).toBe(404);
  expect((await request.get("/api/shows/prove-aperte")).status()).toBe(404);
  expect((await request.get("/api/shows/")).status()).toBe(200);
  expect((await request.get("/contatti")).status()).toBe(200);
});
