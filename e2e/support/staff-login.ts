import { expect, type APIRequestContext, type Page } from "@playwright/test";

/** The demo accounts `npm run db:seed` creates (lib/seed/demo.ts); the e2e server seeds them. */
export const DEMO_ACCOUNTS = {
  admin: {
    email: "admin@azionelab.example",
    password: "Sipario-Rosso-2026",
    name: "Chiara (admin)",
  },
  staff: {
    email: "staff@azionelab.example",
    password: "Biglietti-Porta-2026",
    name: "Marco (staff)",
  },
} as const;

export type DemoRole = keyof typeof DEMO_ACCOUNTS;

/**
 * Signs in through next-auth's credentials callback, as the login page does. The session
 * cookie lands in `request`'s cookie jar: pass `page.request` to sign a browser page in,
 * or a fresh `playwright.request.newContext()` for API tests.
 */
export async function signInWithApi(
  request: APIRequestContext,
  who: DemoRole | { email: string; password: string },
) {
  const { email, password } = typeof who === "string" ? DEMO_ACCOUNTS[who] : who;
  const role = typeof who === "string" ? who : email;
  const csrf = await request.get("/api/auth/csrf");
  expect(csrf.ok(), "GET /api/auth/csrf").toBe(true);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const response = await request.post("/api/auth/callback/credentials", {
    form: { email, password, csrfToken, callbackUrl: "/staff/check-in", json: "true" },
  });
  expect(response.ok(), `sign in as ${role}`).toBe(true);
  const session = (await (await request.get("/api/auth/session")).json()) as { uid?: number };
  expect(session.uid, `session of ${role}`).toBeTruthy();
}

/** Signs in through the /login form, as a person would, and waits for the check-in page. */
export async function signInWithForm(page: Page, role: DemoRole, callbackPath = "/staff/check-in") {
  const { email, password } = DEMO_ACCOUNTS[role];
  await page.goto(`/login?callbackUrl=${encodeURIComponent(callbackPath)}`);
  await page.locator("#email").fill(email);
  await page.locator("#password").fill(password);
  await page.locator("form:has(#email) button[type=submit]").click();
  await page.waitForURL((url) => url.pathname === callbackPath);
}
