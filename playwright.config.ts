import path from "node:path";
import { fileURLToPath } from "node:url";

import { defineConfig, devices } from "@playwright/test";

const root = path.dirname(fileURLToPath(import.meta.url));
// E2E_PORT lets two runs (e.g. two engineers in one tree) use the machine at the same time.
const PORT = Number(process.env.E2E_PORT ?? 3100);
const baseURL = `http://127.0.0.1:${PORT}`;
const skipBuild = process.env.E2E_SKIP_BUILD === "1";

export default defineConfig({
  testDir: "./e2e",
  outputDir: "./test-results",
  fullyParallel: true,
  forbidOnly: !!process.env.CI,
  retries: 0,
  workers: 2,
  reporter: "list",
  // Generous budgets for conditions to come true: the machine may be busy (a build beside
  // the tests); a test waits on what it expects, never on a fixed time.
  timeout: 60_000,
  expect: { timeout: 10_000 },
  use: {
    baseURL,
    trace: "retain-on-failure",
    locale: "it-IT",
    timezoneId: "Europe/Rome",
    launchOptions: {
      // The machine's Debian Chromium: Playwright must never download a browser here.
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--disable-quic",
      ],
    },
  },
  projects: [{ name: "chromium", use: { ...devices["Desktop Chrome"] } }],
  webServer: {
    // Against the production build, on a throw-away database (see e2e/server.ts).
    // E2E_SKIP_BUILD=1 reuses the build already in .next.
    command: `${skipBuild ? "" : "npm run build && "}tsx scripts/with-db.ts tsx e2e/server.ts`,
    url: `${baseURL}/api/health`,
    reuseExistingServer: false,
    timeout: 300_000,
    stdout: process.env.E2E_VERBOSE === "1" ? "pipe" : "ignore",
    stderr: "pipe",
    // SIGTERM lets e2e/server.ts stop the app and drop its database.
    gracefulShutdown: { signal: "SIGTERM", timeout: 15_000 },
    env: {
      PORT: String(PORT),
      RATE_LIMIT: "off",
      // Six days: the demo season's performances 3 and 4 days ahead have their doors open,
      // those 10+ days ahead not yet (e2e/staff-door.spec.ts tests the override).
      DOORS_OPEN_MINUTES_BEFORE: "8640",
      EMAIL_TRANSPORT: "file",
      // Waiting-list offers last 72 s, so e2e/audience.spec.ts sees one expire (cron: every minute).
      WAITLIST_OFFER_HOURS: "0.02",
      MAIL_DIR: path.join(root, ".data", "e2e-mail"),
      APP_URL: baseURL,
      NEXTAUTH_URL: baseURL,
      NEXTAUTH_SECRET: "e2e-secret-not-for-production-0123456789",
      NEXT_TELEMETRY_DISABLED: "1",
      LOG_LEVEL: process.env.LOG_LEVEL ?? "info",
    },
  },
});
