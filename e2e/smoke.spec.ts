import { expect, test } from "@playwright/test";

test("home page renders without console errors", async ({ page }) => {
  const problems: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error") problems.push(message.text());
  });
  page.on("pageerror", (error) => problems.push(error.message));
  page.on("response", (response) => {
    if (response.status() >= 400) problems.push(`${response.status()} ${response.url()}`);
  });

  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1, name: "AzioneLab" })).toBeVisible();
  await expect(page.locator("html")).toHaveAttribute("lang", "it");
  await page.waitForLoadState("networkidle");
  expect(problems).toEqual([]);
});

test("health endpoint answers with and without a trailing slash", async ({ request }) => {
  for (const path of ["/api/health", "/api/health/"]) {
    const response = await request.get(path, { maxRedirects: 0 });
    expect(response.status(), path).toBe(200);
    expect(await response.json()).toEqual({ status: "ok" });
  }
});

test("responses carry the security headers", async ({ request }) => {
  const response = await request.get("/");
  const headers = response.headers();
  const csp = headers["content-security-policy"] ?? "";
  expect(csp).toContain("default-src 'self'");
  expect(csp).toContain("frame-ancestors 'none'");
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["x-frame-options"]).toBe("DENY");
  expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
  // The camera only on the door page (e2e/security-headers.spec.ts).
  expect(headers["permissions-policy"]).toContain("camera=()");
  expect(headers["x-request-id"]).toBeTruthy();
});

test("staff and admin pages are never cached publicly", async ({ request }) => {
  for (const path of ["/admin", "/staff/check-in"]) {
    const response = await request.get(path, { maxRedirects: 0 });
    expect(response.headers()["cache-control"], path).toContain("no-store");
  }
});
