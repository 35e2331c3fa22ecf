import { randomBytes } from "node:crypto";
import { expect, test } from "@playwright/test";
import { signInWithApi } from "./support/staff-login";

// Every admin form is a real <form method="post">: without JavaScript a refusal comes back
// with the field's error and what was typed (never a password), at a phone's width too.
test.describe("admin forms without JavaScript, at 360px", () => {
  test.use({ javaScriptEnabled: false, viewport: { width: 360, height: 800 } });

  test("a refused show keeps what was typed; a refused account forgets its password", async ({
    page,
  }, testInfo) => {
    await signInWithApi(page.request, "admin");
    await page.goto("/admin/shows/new");
    expect(await page.locator("form[method=post]").count()).toBeGreaterThan(0);
    const title = `Senza script ${randomBytes(3).toString("hex")}`;
    await page.getByLabel("Titolo", { exact: true }).fill(title);
    await page.getByLabel(/Locandina da un indirizzo web/).fill("javascript:alert(1)");
    await page.getByRole("button", { name: "Salva" }).click();
    await expect(page.locator("#field-posterImage-error")).not.toBeEmpty();
    await expect(page.getByLabel("Titolo", { exact: true })).toHaveValue(title);
    await page.screenshot({ path: testInfo.outputPath("show-form-360.png"), fullPage: true });
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width, "no sideways scrolling at 360px").toBeLessThanOrEqual(360);

    await page.goto("/admin/users/new");
    await page.getByLabel("Email").fill("not-an-email");
    await page.getByLabel("Password", { exact: true }).fill("Sipario-Segreto-2026");
    await page.getByRole("button", { name: "Crea" }).click();
    await expect(page.locator("#field-email-error")).not.toBeEmpty();
    await expect(page.getByLabel("Email")).toHaveValue("not-an-email");
    await expect(page.getByLabel("Password", { exact: true })).toHaveValue("");
    await page.screenshot({ path: testInfo.outputPath("user-form-360.png"), fullPage: true });
  });
});
