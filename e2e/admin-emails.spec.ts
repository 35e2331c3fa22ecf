import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { signInWithApi } from "./support/staff-login";
import { bookTicket } from "./support/staff-tickets";

async function expectNoAxeViolations(page: Page) {
  const results = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"])
    .analyze();
  expect(
    results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`),
    page.url(),
  ).toEqual([]);
}

test("a reservation's emails are listed for admins as the job runner delivers them", async ({
  page,
}) => {
  test.setTimeout(60_000);
  // The booking and confirmation each queue an email; the runner in the server delivers both.
  const ticket = await bookTicket(page.request);
  await signInWithApi(page.request, "admin");
  const emails = page.getByRole("region", { name: "Email", exact: true }).getByRole("table");
  // The ticket email may still be on its way: reload until the runner has delivered it.
  await expect(async () => {
    await page.goto(`/admin/reservations/${ticket.reservationId}`);
    await expect(emails.getByRole("row")).toHaveCount(3, { timeout: 1000 }); // header + 2
    await expect(emails.getByRole("row", { name: /Biglietto/ })).toContainText("Inviata il", {
      timeout: 1000,
    });
  }).toPass({ timeout: 15_000 });
  await expect(emails.getByRole("row", { name: /Link di conferma/ })).toContainText("Inviata il");
  await expectNoAxeViolations(page);

  await page.goto("/admin/emails");
  await expect(page.getByRole("heading", { level: 1, name: "Email non partite" })).toBeVisible();
  await expectNoAxeViolations(page);
});
