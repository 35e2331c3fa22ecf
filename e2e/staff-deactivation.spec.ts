import { randomBytes } from "node:crypto";
import { expect, test } from "@playwright/test";
import { signInWithApi, signInWithForm } from "./support/staff-login";

test("a deactivated staff member loses access on the next request, although the session cookie is still valid", async ({
  page,
  playwright,
  baseURL,
}) => {
  const account = {
    email: `door-${randomBytes(4).toString("hex")}@example.org`,
    password: "Quarta-Fila-Destra-42",
  };

  await signInWithForm(page, "admin", "/admin/users/new");
  await page.getByLabel("Email", { exact: true }).fill(account.email);
  await page.getByLabel("Ruolo", { exact: true }).selectOption("STAFF");
  await page.getByLabel("Password", { exact: true }).fill(account.password);
  await page.getByRole("button", { name: "Crea" }).click();
  await page.waitForURL(/\/admin\/users\?notice=/);

  const door = await playwright.request.newContext({ baseURL });
  await signInWithApi(door, account);
  expect(
    (await door.post("/api/check-ins/preview", { data: { token: "A".repeat(43) } })).status(),
    "signed in",
  ).toBe(404);
  expect((await door.get("/staff/check-in", { maxRedirects: 0 })).status()).toBe(200);

  await page.locator("tr", { hasText: account.email }).getByRole("link").first().click();
  await page.getByLabel("Attivo (può accedere)").uncheck();
  await page.getByRole("button", { name: "Salva" }).click();
  await page.waitForURL(/\/admin\/users\?notice=/);

  // Same cookie jar, same unexpired JWT: the user is re-read and refused.
  expect(
    (await door.post("/api/check-ins/preview", { data: { token: "A".repeat(43) } })).status(),
  ).toBe(401);
  const pageResponse = await door.get("/staff/check-in", { maxRedirects: 0 });
  expect(pageResponse.headers()["location"] ?? "").toMatch(/\/login\?callbackUrl=/);
  // And the account cannot sign in again.
  const csrf = (await (await door.get("/api/auth/csrf")).json()) as { csrfToken: string };
  const again = await door.post("/api/auth/callback/credentials", {
    form: { ...account, csrfToken: csrf.csrfToken, json: "true" },
  });
  expect(((await again.json()) as { url: string }).url).toContain("error=invalid_credentials");
  await door.dispose();
});
