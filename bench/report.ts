import type { Verdict } from "@/bench/checks";
import type { LatencySummary } from "@/bench/load";

export type Target = { label: string; met: boolean };

/** One line of the table. `verdict` is correctness (a failed one fails the run); targets are goals. */
export type Row = {
  scenario: string;
  latency?: LatencySummary;
  /** Overrides latency.perSecond (e.g. tickets per second for a two-step flow). */
  perSecond?: number;
  verdict: Verdict;
  note?: string;
  targets: Target[];
};

export const target = (label: string, met: boolean): Target => ({ label, met });

const ms = (value: number | undefined) =>
  value === undefined ? "" : value < 10 ? value.toFixed(1) : Math.round(value).toString();

/** The one table `npm run bench` prints; also pasted into README.md#performance. */
export function formatTable(rows: Row[]): string {
  const header = ["scenario", "n", "per s", "p50 ms", "p95 ms", "p99 ms", "result", "targets"];
  const lines = rows.map((row) => [
    row.scenario,
    row.latency ? String(row.latency.count) : "",
    row.perSecond !== undefined
      ? row.perSecond.toFixed(0)
      : row.latency
        ? row.latency.perSecond.toFixed(0)
        : "",
    ms(row.latency?.p50),
    ms(row.latency?.p95),
    ms(row.latency?.p99),
    `${row.verdict.ok ? "" : "FAILED: "}${row.verdict.summary}${row.note ? `; ${row.note}` : ""}`,
    row.targets.map((t) => `${t.met ? "✓" : "✗"} ${t.label}`).join(", "),
  ]);
  const widths = header.map((title, column) =>
    Math.max(title.length, ...lines.map((line) => line[column].length)),
  );
  const numeric = new Set([1, 2, 3, 4, 5]);
  const format = (cells: string[]) =>
    `| ${cells.map((cell, column) => (numeric.has(column) ? cell.padStart(widths[column]) : cell.padEnd(widths[column]))).join(" | ")} |`;
  const rule = `|${widths.map((width, column) => (numeric.has(column) ? `${"-".repeat(width + 1)}:` : "-".repeat(width + 2))).join("|")}|`;
  return [format(header), rule, ...lines.map(format)].join("\n");
}

/** Loud, so that a wrong result is never mistaken for a slow one. */
export function formatFailures(rows: Row[]): string | null {
  const failed = rows.filter((row) => !row.verdict.ok);
  if (failed.length === 0) return null;
  const lines = failed.flatMap((row) =>
    row.verdict.problems.map((problem) => `!!!   ${row.scenario}: ${problem}`),
  );
  const bar = "!".repeat(78);
  return [
    bar,
    "!!! BENCHMARK RUN FAILED: its results are wrong, whatever the numbers say",
    ...lines,
    bar,
  ].join("\n");
}
