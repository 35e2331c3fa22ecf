import { expect, test, type Browser, type Request } from "@playwright/test";
import { DEMO_ACCOUNTS, signInWithApi } from "./support/staff-login";

/** A browser context with JavaScript off, recording every URL it requests. */
async function noScriptPage(browser: Browser, baseURL: string | undefined, width = 360) {
  const context = await browser.newContext({
    baseURL,
    javaScriptEnabled: false,
    viewport: { width, height: 740 },
    locale: "it-IT",
  });
  const page = await context.newPage();
  const requests: Request[] = [];
  page.on("request", (request) => requests.push(request));
  return { context, page, requests };
}

test.describe("sign-in without JavaScript", () => {
  test("the form is a POST, signs in and never puts the credentials in a URL", async ({
    browser,
    baseURL,
  }, testInfo) => {
    const { context, page, requests } = await noScriptPage(browser, baseURL);
    const { email, password } = DEMO_ACCOUNTS.admin;
    await page.goto("/login?callbackUrl=%2Fadmin%2Fshows");
    const form = page.locator("form:has(#password)");
    await expect(form).toHaveAttribute("method", /post/i);
    await page.screenshot({ path: testInfo.outputPath("login-no-js-360.png"), fullPage: true });

    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password").fill(password);
    await page.getByRole("button", { name: "Accedi" }).click();
    await expect(page).toHaveURL(/\/admin\/shows$/);

    const posts = requests.filter((request) => request.method() === "POST");
    expect(posts.length).toBeGreaterThan(0);
    for (const request of requests) {
      const url = decodeURIComponent(request.url());
      expect(url).not.toContain(password);
      expect(url).not.toContain(email);
      expect(url).not.toMatch(/[?&]password=/);
    }
    // And no GET /login?email=…&password=… ever happened.
    expect(
      requests.some((request) => request.method() === "GET" && /[?&]email=/.test(request.url())),
    ).toBe(false);
    await context.close();
  });

  test("a wrong password shows the error on the page and keeps the password out of the URL", async ({
    browser,
    baseURL,
  }, testInfo) => {
    const { context, page, requests } = await noScriptPage(browser, baseURL);
    await page.goto("/login");
    await page.getByLabel("Email").fill("staff@azionelab.example");
    await page.getByLabel("Password").fill("not-the-password-123");
    await page.getByRole("button", { name: "Accedi" }).click();
    await expect(page.locator("main").getByRole("alert")).toContainText(
      "Email o password non corretti",
    );
    await expect(page.getByLabel("Email")).toHaveValue("staff@azionelab.example");
    await expect(page.getByLabel("Password")).toHaveValue("");
    expect(new URL(page.url()).search).toBe("");
    const html = await page.content();
    expect(html).not.toContain("not-the-password-123");
    for (const request of requests)
      expect(decodeURIComponent(request.url())).not.toContain("not-the-password-123");
    await page.screenshot({ path: testInfo.outputPath("login-error-no-js-360.png") });
    await context.close();
  });

  test("an empty form says what is missing, in English too", async ({ browser, baseURL }) => {
    const context = await browser.newContext({ baseURL, javaScriptEnabled: false });
    await context.addCookies([{ name: "locale", value: "en", url: baseURL! }]);
    const page = await context.newPage();
    await page.goto("/login");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByText("Enter a valid email address.")).toBeVisible();
    await expect(page.getByText("Enter your password.")).toBeVisible();
    await expect(page.getByLabel("Email")).toHaveAttribute("aria-invalid", "true");
    await context.close();
  });
});

test("with JavaScript, a refused sign-in keeps the email, clears the password and stays a POST", async ({
  page,
}) => {
  const requests: Request[] = [];
  page.on("request", (request) => requests.push(request));
  await page.goto("/login");
  await page.waitForLoadState("networkidle");
  await page.getByLabel("Email").fill("staff@azionelab.example");
  await page.getByLabel("Password").fill("not-the-password-456");
  await page.getByRole("button", { name: "Accedi" }).click();
  await expect(page.locator("main").getByRole("alert")).toContainText(
    "Email o password non corretti",
  );
  await expect(page.getByLabel("Email")).toHaveValue("staff@azionelab.example");
  await expect(page.getByLabel("Password")).toHaveValue("");
  expect(new URL(page.url()).search).toBe("");
  for (const request of requests)
    expect(decodeURIComponent(request.url())).not.toContain("not-the-password-456");
  expect(requests.some((request) => request.method() === "POST")).toBe(true);
});

test.describe("where sign-in leads", () => {
  for (const callbackUrl of [
    "/%09/evil.example",
    "/%0a/evil.example",
    "/%0d/evil.example",
    "//evil.example",
    "/%5Cevil.example",
    "https://evil.example/",
  ])
    test(`callbackUrl=${callbackUrl} lands an admin on /admin`, async ({ browser, baseURL }) => {
      const { context, page } = await noScriptPage(browser, baseURL);
      // As the audit's link carried it: the page decodes %09 to a tab, %5C to "\\".
      const response = await page.goto(`/login?callbackUrl=${callbackUrl}`);
      expect(response?.status()).toBe(200);
      await page.getByLabel("Email").fill(DEMO_ACCOUNTS.admin.email);
      await page.getByLabel("Password").fill(DEMO_ACCOUNTS.admin.password);
      await page.getByRole("button", { name: "Accedi" }).click();
      await page.waitForLoadState();
      expect(new URL(page.url()).origin).toBe(baseURL);
      expect(new URL(page.url()).pathname).toBe("/admin");

      // Signed in, /login redirects at once: the same probe must not give a 500 or leave.
      const again = await page.request.get(`/login?callbackUrl=${callbackUrl}`, {
        maxRedirects: 0,
      });
      expect(again.status()).toBeLessThan(400);
      expect(again.headers()["location"]).toBe("/admin");
      await context.close();
    });

  test("staff land on the door page, even when asked for an admin page", async ({
    browser,
    baseURL,
  }) => {
    const { context, page } = await noScriptPage(browser, baseURL);
    await page.goto("/login?callbackUrl=%2Fadmin%2Fusers");
    await page.getByLabel("Email").fill(DEMO_ACCOUNTS.staff.email);
    await page.getByLabel("Password").fill(DEMO_ACCOUNTS.staff.password);
    await page.getByRole("button", { name: "Accedi" }).click();
    await expect(page).toHaveURL(/\/staff\/check-in$/);
    await context.close();
  });
});

test("after sign-out the old session cookie is refused", async ({ playwright, baseURL }) => {
  const first = await playwright.request.newContext({ baseURL });
  await signInWithApi(first, "staff");
  const counts = "/api/check-ins/counts?performance_id=1";
  expect((await first.get(counts)).status()).toBe(200);
  const stolen = await first.storageState();

  const { csrfToken } = (await (await first.get("/api/auth/csrf")).json()) as {
    csrfToken: string;
  };
  const signedOut = await first.post("/api/auth/signout", {
    form: { csrfToken, callbackUrl: "/login?signedOut=1", json: "true" },
  });
  expect(signedOut.ok()).toBe(true);

  const replay = await playwright.request.newContext({ baseURL, storageState: stolen });
  expect((await replay.get(counts)).status()).toBe(401);
  const page = await replay.get("/staff/check-in", { maxRedirects: 0 });
  expect(page.status()).toBe(307);
  expect(page.headers()["location"]).toMatch(/^\/login\?callbackUrl=/);
  await Promise.all([first.dispose(), replay.dispose()]);

  // Signing in again works.
  const fresh = await playwright.request.newContext({ baseURL });
  await signInWithApi(fresh, "staff");
  expect((await fresh.get(counts)).status()).toBe(200);
  await fresh.dispose();
});
