import { Registry } from "prom-client";

/** Something to finish before the process exits: lower `order` runs first. */
export type ShutdownHook = { name: string; order: number; run: () => Promise<void> };

/** Hook orders: running jobs finish first, the pool they use closes last. */
export const SHUTDOWN_ORDER = { jobs: 10, database: 90 } as const;

/**
 * What the production server's preload (scripts/server-preload.mjs) and the app share in
 * one process. Next bundles the app into several module graphs (instrumentation, each
 * route), and the preload is loaded by Node before any of them, so the state lives on
 * `globalThis` under one symbol; whichever side comes first creates it, with the same
 * shape. Without the preload (`next dev`, tests) the app creates it alone and
 * `managedShutdown` stays false.
 */
export type ServerRuntime = {
  /** Every Prometheus metric of the process (`/api/metrics`). */
  registry: Registry;
  shutdownHooks: ShutdownHook[];
  /** Set on SIGTERM: readiness answers 503 so that the proxy stops sending traffic. */
  shuttingDown: boolean;
  /** Request ids whose failure was the database being unavailable (answered 503 + Retry-After). */
  unavailableRequests: Set<string>;
  /**
   * Paths (no query) whose render failed on an unavailable database, with the time: the
   * requests that shared that render through Next's response cache answer 503 too.
   */
  unavailablePaths: Map<string, number>;
  /** true when the preload owns SIGTERM/SIGINT and runs `shutdownHooks`. */
  managedShutdown: boolean;
};

const KEY = Symbol.for("azionelab.server-runtime");

export function serverRuntime(): ServerRuntime {
  const holder = globalThis as unknown as Record<symbol, ServerRuntime | undefined>;
  holder[KEY] ??= {
    registry: new Registry(),
    shutdownHooks: [],
    shuttingDown: false,
    unavailableRequests: new Set(),
    unavailablePaths: new Map(),
    managedShutdown: false,
  };
  holder[KEY].unavailablePaths ??= new Map();
  return holder[KEY];
}

/** Runs `run` during a graceful shutdown (after in-flight requests finished). */
export function onShutdown(hook: ShutdownHook): void {
  serverRuntime().shutdownHooks.push(hook);
}
