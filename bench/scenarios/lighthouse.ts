import { spawn } from "node:child_process";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import lighthouse from "lighthouse";
import { CHROMIUM_PATH } from "@/bench/scenarios/page-weight";

export type LighthouseScores = {
  name: string;
  path: string;
  performance: number;
  accessibility: number;
  bestPractices: number;
  seo: number;
  /** Cumulative layout shift while the page loads (0 = nothing moved). */
  cls: number;
  /** Simulated total blocking time and largest contentful paint, ms. */
  tbtMs: number;
  lcpMs: number;
  /** Lighthouse's measure of the host's CPU speed during the run (higher is faster). */
  benchmarkIndex: number;
  /** Every run's performance score, in order; the row is the median run. */
  performanceRuns: number[];
  failedAudits: string[];
};

const CATEGORIES = ["performance", "accessibility", "best-practices", "seo"];

/** Starts headless Chromium with a DevTools port for Lighthouse; resolves with the port and a stop function. */
async function startChromium(): Promise<{ port: number; stop: () => Promise<void> }> {
  const profile = await mkdtemp(path.join(tmpdir(), "azionelab-lighthouse-"));
  const child = spawn(
    CHROMIUM_PATH,
    [
      "--headless=new",
      "--no-sandbox",
      "--disable-gpu",
      "--no-first-run",
      "--remote-debugging-port=0",
      `--user-data-dir=${profile}`,
      "about:blank",
    ],
    {
      stdio: ["ignore", "ignore", "pipe"],
    },
  );
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((resolve) => child.once("exit", resolve));
      child.kill("SIGTERM");
      await exited;
    }
    await rm(profile, { recursive: true, force: true });
  };
  const port = await new Promise<number>((resolve, reject) => {
    let output = "";
    child.stderr.on("data", (chunk: Buffer) => {
      output += chunk.toString();
      const match = /DevTools listening on ws:\/\/[^:]+:(\d+)\//.exec(output);
      if (match) resolve(Number(match[1]));
    });
    child.once("exit", (code) =>
      reject(
        new Error(
          `Chromium exited (${code}) before opening its DevTools port: ${output.slice(-500)}`,
        ),
      ),
    );
  }).catch(async (error: unknown) => {
    await stop();
    throw error;
  });
  return { port, stop };
}

/**
 * Lighthouse's default (mobile) profile on each page, `runs` times, one after another in
 * one browser; each page's row is its median run by performance score. Lighthouse's own
 * advice: one run varies by several points on a shared machine, the median of a few less.
 */
export async function runLighthouse({
  baseUrl,
  pages,
  runs = 3,
}: {
  baseUrl: string;
  pages: { name: string; path: string }[];
  runs?: number;
}): Promise<LighthouseScores[]> {
  const chromium = await startChromium();
  try {
    const scores: LighthouseScores[] = [];
    for (const page of pages) {
      const pageRuns: Omit<LighthouseScores, "performanceRuns">[] = [];
      for (let run = 0; run < runs; run++)
        pageRuns.push(await lighthouseOnce(chromium.port, baseUrl, page));
      const byScore = [...pageRuns].sort((a, b) => a.performance - b.performance);
      scores.push({
        ...byScore[Math.floor((byScore.length - 1) / 2)],
        performanceRuns: pageRuns.map((run) => run.performance),
      });
    }
    return scores;
  } finally {
    await chromium.stop();
  }
}

async function lighthouseOnce(
  port: number,
  baseUrl: string,
  { name, path: pagePath }: { name: string; path: string },
): Promise<Omit<LighthouseScores, "performanceRuns">> {
  const result = await lighthouse(new URL(pagePath, baseUrl).toString(), {
    port,
    output: "json",
    logLevel: "error",
    onlyCategories: CATEGORIES,
  });
  if (!result) throw new Error(`Lighthouse returned nothing for ${pagePath}`);
  // BENCH_LIGHTHOUSE_DIR=<dir>: every run's whole report, to see which element is the LCP and why.
  if (process.env.BENCH_LIGHTHOUSE_DIR) {
    const dir = path.resolve(process.env.BENCH_LIGHTHOUSE_DIR);
    await mkdir(dir, { recursive: true });
    await writeFile(
      path.join(dir, `${name.replaceAll(/[^a-z0-9]+/gi, "-")}-${Date.now()}.json`),
      JSON.stringify(result.lhr),
    );
  }
  const { categories, audits, runtimeError, environment } = result.lhr;
  if (runtimeError)
    throw new Error(
      `Lighthouse could not load ${pagePath}: ${runtimeError.code} ${runtimeError.message}`,
    );
  const score = (id: string) => Math.round((categories[id]?.score ?? 0) * 100);
  const failedAudits = Object.values(audits)
    .filter(
      (audit) =>
        audit.score !== null &&
        audit.score < 0.9 &&
        (audit.scoreDisplayMode === "binary" || audit.scoreDisplayMode === "numeric"),
    )
    .map((audit) => audit.id);
  return {
    name,
    path: pagePath,
    performance: score("performance"),
    accessibility: score("accessibility"),
    bestPractices: score("best-practices"),
    seo: score("seo"),
    cls: audits["cumulative-layout-shift"]?.numericValue ?? Number.NaN,
    tbtMs: Math.round(audits["total-blocking-time"]?.numericValue ?? Number.NaN),
    lcpMs: Math.round(audits["largest-contentful-paint"]?.numericValue ?? Number.NaN),
    benchmarkIndex: Math.round(environment.benchmarkIndex),
    failedAudits,
  };
}
