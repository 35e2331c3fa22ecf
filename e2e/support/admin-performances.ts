import { expect, type Page } from "@playwright/test";

/** "YYYY-MM-DD" in Rome, `days` from now. */
export function romeDay(days: number): string {
  return new Intl.DateTimeFormat("sv-SE", {
    timeZone: "Europe/Rome",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
  }).format(new Date(Date.now() + days * 86_400_000));
}

/**
 * Creates a performance of `show` in the Sala AzioneLab from the admin form (the page
 * must be signed in as an admin, Italian); returns its id.
 */
export async function createPerformanceInAdmin(
  page: Page,
  { show, startsAt, capacity }: { show: string; startsAt: string; capacity: number },
): Promise<number> {
  await page.goto("/admin/performances/new");
  await page.getByLabel("Spettacolo", { exact: true }).selectOption({ label: show });
  await page.getByLabel("Sala", { exact: true }).selectOption({ label: "Sala AzioneLab, Roma" });
  await page.getByLabel(/Data e ora di inizio/).fill(startsAt);
  await page.getByLabel("Capienza della sala").fill(String(capacity));
  await page.getByRole("button", { name: "Salva" }).click();
  await page.waitForURL((url) => /^\/admin\/performances\/\d+$/.test(url.pathname));
  return Number(/\/admin\/performances\/(\d+)/.exec(page.url())![1]);
}

/** Cancels a performance from its audience page, as an admin would (asked first). */
export async function cancelPerformanceInAdmin(page: Page, performanceId: number) {
  await page.goto(`/admin/performances/${performanceId}/audience`);
  await page.getByRole("button", { name: "Annulla la replica" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Annulla la replica" }).click();
  await expect(page.getByText(/^Replica annullata\./)).toBeVisible();
}
