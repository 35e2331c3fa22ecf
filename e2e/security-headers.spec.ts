import { expect, test, type Page } from "@playwright/test";
import { PROTECTED_ROUTES } from "./support/protected-routes";
import { signInWithApi, signInWithForm } from "./support/staff-login";

/** Collects console errors (CSP violations are reported there) and violation events. */
function watchForViolations(page: Page) {
  const problems: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error") problems.push(`${page.url()}: ${message.text()}`);
  });
  page.on("pageerror", (error) => problems.push(`${page.url()}: ${error.message}`));
  return problems;
}

async function violationsReported(page: Page): Promise<string[]> {
  return page.evaluate(
    () => (window as unknown as { __cspViolations?: string[] }).__cspViolations ?? [],
  );
}

async function listenForViolations(page: Page) {
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __cspViolations: string[] }).__cspViolations = seen;
    document.addEventListener("securitypolicyviolation", (event) =>
      seen.push(`${event.violatedDirective} ${event.blockedURI}`),
    );
  });
}

function directives(csp: string): Map<string, string> {
  return new Map(
    csp
      .split(";")
      .map((part) => part.trim())
      .filter(Boolean)
      .map((part) => {
        const [name, ...values] = part.split(/\s+/);
        return [name, values.join(" ")] as const;
      }),
  );
}

test("pages rendered per request get a fresh nonce CSP with strict-dynamic and no unsafe-inline scripts", async ({
  request,
}) => {
  const first = (await request.get("/lost-ticket")).headers()["content-security-policy"] ?? "";
  const second = (await request.get("/lost-ticket")).headers()["content-security-policy"] ?? "";
  const script = directives(first).get("script-src") ?? "";
  expect(script).toMatch(/'nonce-[A-Za-z0-9+/=]{16,}'/);
  expect(script).toContain("'strict-dynamic'");
  expect(script).not.toContain("unsafe-inline");
  expect(script).not.toContain("unsafe-eval");
  expect(first).not.toBe(second);
  // Images: this site and data: (QR codes) only, as no poster origin is configured here.
  expect(directives(first).get("img-src")).toBe("'self' data:");
  expect(directives(first).get("frame-ancestors")).toBe("'none'");

  const html = await (await request.get("/lost-ticket")).text();
  // Every script tag in the page carries a nonce, but the root layout's one inline
  // script, allowed by its hash.
  const scripts = html.match(/<script\b[^>]*>[^<]{0,60}/g) ?? [];
  expect(scripts.length).toBeGreaterThan(0);
  for (const tag of scripts)
    if (!tag.endsWith(">globalThis.__zod_globalConfig={jitless:true};"))
      expect(tag).toMatch(/\snonce="[^"]+"/);
  expect(script).toMatch(/'sha256-[A-Za-z0-9+/=]+'/);
});

test("route handlers answer with a policy that allows nothing to run", async ({ request }) => {
  for (const path of ["/api/health", "/api/shows"]) {
    const response = await request.get(path);
    expect(response.status(), path).toBe(200);
    const csp = directives(response.headers()["content-security-policy"] ?? "");
    expect(csp.get("default-src"), path).toBe("'none'");
    expect(csp.get("frame-ancestors"), path).toBe("'none'");
    expect(csp.has("script-src"), path).toBe(false);
  }
});

test("pages served from the cache get one nonce-less policy for everybody", async ({ request }) => {
  for (const path of ["/", "/shows", "/en/shows/le-serve", "/contatti"]) {
    const first = (await request.get(path)).headers()["content-security-policy"] ?? "";
    const second = (await request.get(path)).headers()["content-security-policy"] ?? "";
    expect(first, path).toBe(second);
    const script = directives(first).get("script-src") ?? "";
    expect(script, path).toBe("'self' 'unsafe-inline'");
    expect(directives(first).get("object-src"), path).toBe("'none'");
    expect(directives(first).get("frame-ancestors"), path).toBe("'none'");
    expect(directives(first).get("form-action"), path).toBe("'self'");
  }
});

test("the camera is allowed on the door page only", async ({ playwright, baseURL }) => {
  const staff = await playwright.request.newContext({ baseURL });
  await signInWithApi(staff, "staff");
  const door = await staff.get("/staff/check-in", { maxRedirects: 0 });
  expect(door.status()).toBe(200);
  expect(door.headers()["permissions-policy"]).toContain("camera=(self)");
  for (const path of ["/", "/shows", "/login", "/staff", "/api/health"]) {
    const response = await staff.get(path, { maxRedirects: 0 });
    expect(response.headers()["permissions-policy"], path).toContain("camera=()");
  }
  await staff.dispose();
});

test("public pages render and hydrate with no CSP violation", async ({ page }) => {
  const problems = watchForViolations(page);
  await listenForViolations(page);
  const visited = new Set<string>();
  const visit = async (path: string) => {
    visited.add(path);
    const response = await page.goto(path);
    expect(response?.status(), path).toBeLessThan(400);
    await page.waitForLoadState("networkidle");
    expect(await violationsReported(page), path).toEqual([]);
  };
  await visit("/");
  await visit("/shows");
  const show = await page.locator('main a[href^="/shows/"]').first().getAttribute("href");
  await visit(show!);
  const booking = await page
    .locator('main a[href^="/shows/"]')
    .evaluateAll((links) =>
      links.map((link) => link.getAttribute("href")).find((href) => href?.split("/").length === 4),
    );
  if (booking) await visit(booking);
  for (const path of ["/lost-ticket", "/login", "/ticket", "/confirm"]) await visit(path);
  expect(visited.size).toBeGreaterThanOrEqual(7);
  expect(problems).toEqual([]);
});

test("staff and admin pages render with no CSP violation, and the JS sign-in still works", async ({
  page,
}) => {
  test.setTimeout(120_000);
  const problems = watchForViolations(page);
  await listenForViolations(page);
  await signInWithForm(page, "admin", "/admin");
  const pages = PROTECTED_ROUTES.filter((route) => route.kind === "page")
    .map((route) => route.path)
    .filter((path) => !path.endsWith(".csv"));
  for (const path of pages) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBeLessThan(400);
    // The door page polls its counter, so the network never goes quiet there.
    await page.waitForLoadState("networkidle", { timeout: 3_000 }).catch(() => undefined);
    expect(await violationsReported(page), path).toEqual([]);
  }
  expect(problems).toEqual([]);
});

test.describe("redirects are built from APP_URL", () => {
  test("the attendee CSV sends an anonymous browser to sign in on APP_URL", async ({
    request,
    baseURL,
  }) => {
    // A cookie that is not a valid session gets past the proxy's cheap gate to the route.
    const response = await request.get("/admin/performances/1/attendees.csv", {
      maxRedirects: 0,
      headers: {
        cookie: "next-auth.session-token=not-a-session",
        host: "evil.example",
        "x-forwarded-host": "evil.example",
      },
    });
    expect(response.status()).toBe(303);
    expect(response.headers()["location"]).toBe(
      `${baseURL}/login?callbackUrl=%2Fadmin%2Fperformances%2F1%2Fattendees.csv`,
    );
  });

  test("the proxy's sign-in redirect ignores Host and X-Forwarded-Host", async ({
    request,
    baseURL,
  }) => {
    const response = await request.get("/admin/shows?x=1", {
      maxRedirects: 0,
      headers: { host: "evil.example", "x-forwarded-host": "evil.example" },
    });
    expect([302, 303, 307, 308]).toContain(response.status());
    const location = response.headers()["location"] ?? "";
    expect(location.startsWith(`${baseURL}/login?`) || location.startsWith("/login?")).toBe(true);
    expect(location).not.toContain("evil.example");
  });

  test("X-Forwarded-Host does not make another origin look like ours (TRUST_PROXY off)", async ({
    request,
  }) => {
    const response = await request.post("/api/reservations/confirm", {
      headers: { origin: "http://evil.example", "x-forwarded-host": "evil.example" },
      data: { token: "A".repeat(43) },
    });
    expect(response.status()).toBe(403);
  });
});
