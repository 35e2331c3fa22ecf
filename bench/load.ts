import { performance } from "node:perf_hooks";
import autocannon from "autocannon";

export type HttpRequest = {
  method?: "GET" | "POST";
  path: string;
  /** Sent as JSON. */
  body?: unknown;
  /**
   * False for filler requests: autocannon gives every connection the same number of
   * requests, so a connection that finds no work left still sends something; those
   * answers are not reported.
   */
  measured?: boolean;
};

export type Step<Context> = {
  name: string;
  /** Builds the request just before it is sent; may read and write the connection's context. */
  request: (context: Context) => HttpRequest;
  onResponse?: (status: number, body: string, context: Context) => void;
};

export type StepSamples = { latenciesMs: number[]; statuses: Record<number, number> };

export type LoadResult = {
  wallMs: number;
  /** Connection errors and timeouts: requests that got no answer at all. */
  errors: number;
  steps: Record<string, StepSamples>;
};

type Timing = { sentAt: number; measured: boolean };

/**
 * Drives the server with autocannon. Each connection sends `steps` in order, again and
 * again (a step sequence such as preview → confirm shares the connection's context),
 * until `amount` requests in total or `durationSeconds` have passed. Latency is taken per
 * step from the moment the request is built, which autocannon does right before writing it.
 */
export async function drive<Context extends object>({
  baseUrl,
  connections,
  amount,
  durationSeconds,
  headers = {},
  steps,
  initialContext,
}: {
  baseUrl: string;
  connections: number;
  amount?: number;
  durationSeconds?: number;
  headers?: Record<string, string>;
  steps: Step<Context>[];
  initialContext: Context;
}): Promise<LoadResult> {
  const samples: Record<string, StepSamples> = Object.fromEntries(
    steps.map((step) => [step.name, { latenciesMs: [], statuses: {} }]),
  );
  type Running = Context & { timing?: Timing };

  const requests = steps.map((step) => ({
    setupRequest: (_request: object, context: Running) => {
      const spec = step.request(context);
      context.timing = { sentAt: performance.now(), measured: spec.measured !== false };
      const body = spec.body === undefined ? undefined : JSON.stringify(spec.body);
      return {
        method: spec.method ?? "GET",
        path: spec.path,
        headers:
          body === undefined ? { ...headers } : { ...headers, "content-type": "application/json" },
        body,
      };
    },
    onResponse: (status: number, body: string, context: Running) => {
      const timing = context.timing;
      if (!timing?.measured) return;
      const sample = samples[step.name];
      sample.latenciesMs.push(performance.now() - timing.sentAt);
      sample.statuses[status] = (sample.statuses[status] ?? 0) + 1;
      step.onResponse?.(status, body, context);
    },
  }));

  const startedAt = performance.now();
  const result = await autocannon<Running>({
    url: baseUrl,
    connections,
    ...(amount === undefined ? { duration: durationSeconds ?? 10 } : { amount }),
    timeout: 30,
    requests,
    initialContext: initialContext as Running,
  });
  return { wallMs: performance.now() - startedAt, errors: result.errors, steps: samples };
}

export type LatencySummary = {
  count: number;
  perSecond: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
};

/** Nearest-rank percentiles (ms) and the rate of `count` over `wallMs`. */
export function summarize(latenciesMs: number[], wallMs: number): LatencySummary {
  const sorted = [...latenciesMs].sort((a, b) => a - b);
  const at = (fraction: number) =>
    sorted.length === 0
      ? 0
      : sorted[Math.min(sorted.length - 1, Math.ceil(fraction * sorted.length) - 1)];
  return {
    count: sorted.length,
    perSecond: wallMs > 0 ? (sorted.length * 1000) / wallMs : 0,
    p50: at(0.5),
    p95: at(0.95),
    p99: at(0.99),
    max: sorted.at(-1) ?? 0,
  };
}

/** "201×1990, 409×10" */
export function describeStatuses(statuses: Record<number, number>): string {
  return Object.entries(statuses)
    .map(([status, count]) => `${status}×${count}`)
    .join(", ");
}
