import { chromium, type Browser } from "@playwright/test";

export type PageWeight = {
  name: string;
  path: string;
  scriptBytes: number;
  totalBytes: number;
  requests: number;
};

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

/**
 * What a first visit downloads: every response of the page's load (until the network is
 * idle) in a fresh browser context with an empty cache, counted as the compressed bytes
 * on the wire (body as transferred; headers excluded). JavaScript = responses Chromium
 * loads as scripts.
 */
export async function measurePageWeights({
  baseUrl,
  pages,
}: {
  baseUrl: string;
  pages: { name: string; path: string }[];
}): Promise<PageWeight[]> {
  const browser: Browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: ["--no-sandbox", "--disable-gpu"],
  });
  try {
    const weights: PageWeight[] = [];
    for (const { name, path } of pages) {
      const context = await browser.newContext({
        viewport: { width: 360, height: 780 },
        isMobile: true,
        hasTouch: true,
        locale: "it-IT",
      });
      const page = await context.newPage();
      const sizes: Promise<{ script: boolean; bytes: number }>[] = [];
      page.on("requestfinished", (request) => {
        sizes.push(
          request.sizes().then((size) => ({
            script: request.resourceType() === "script",
            bytes: size.responseBodySize,
          })),
        );
      });
      const response = await page.goto(new URL(path, baseUrl).toString(), {
        waitUntil: "networkidle",
      });
      if (!response?.ok()) throw new Error(`${path} answered ${response?.status()}`);
      const finished = await Promise.all(sizes);
      weights.push({
        name,
        path,
        scriptBytes: finished
          .filter((entry) => entry.script)
          .reduce((sum, entry) => sum + entry.bytes, 0),
        totalBytes: finished.reduce((sum, entry) => sum + entry.bytes, 0),
        requests: finished.length,
      });
      await context.close();
    }
    return weights;
  } finally {
    await browser.close();
  }
}
