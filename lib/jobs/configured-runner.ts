import type { Runner } from "graphile-worker";
import { config } from "@/lib/config";
import { db, processPool } from "@/lib/db";
import { startJobRunner } from "@/lib/jobs/runner";
import { configuredTransport, type MailTransport } from "@/lib/mail/transport";
import { log } from "@/lib/operations/log";
import { registerAppMetrics } from "@/lib/operations/metrics";
import type { RunnerState } from "@/lib/operations/readiness";
import { onShutdown, serverRuntime, SHUTDOWN_ORDER } from "@/lib/operations/server-runtime";

/** The runner with the process's configuration (the app's, or `npm run worker`'s). */
export function startConfiguredRunner({
  handleSignals,
}: {
  handleSignals: boolean;
}): Promise<Runner> {
  const {
    DATABASE_URL,
    JOB_CONCURRENCY,
    JOB_RUNNER_GONE_AFTER_MS,
    RETENTION_DAYS,
    APP_URL,
    TIME_ZONE,
    WAITLIST_OFFER_HOURS,
    CONFIRMATION_TTL_HOURS,
    CHECKIN_WINDOW_HOURS,
    REMINDER_HOUR,
  } = config();
  let transport: MailTransport | undefined;
  return startJobRunner(db, {
    connectionString: DATABASE_URL,
    concurrency: JOB_CONCURRENCY,
    retentionDays: RETENTION_DAYS,
    mail: () => ({ appUrl: APP_URL, timeZone: TIME_ZONE, offerHours: WAITLIST_OFFER_HOURS }),
    waitlist: { offerHours: WAITLIST_OFFER_HOURS, optInHours: CONFIRMATION_TTL_HOURS },
    reminders: {
      hour: REMINDER_HOUR,
      timeZone: TIME_ZONE,
      tokens: {
        confirmationTtlHours: CONFIRMATION_TTL_HOURS,
        checkInWindowHours: CHECKIN_WINDOW_HOURS,
      },
    },
    transport: () => (transport ??= configuredTransport()),
    handleSignals,
    goneAfterMs: JOB_RUNNER_GONE_AFTER_MS,
  });
}

/**
 * The in-app runner's state, for /api/ready: `off` (JOB_RUNNER=off), `not_started`,
 * `starting`, `running`, `restarting` (it stopped on an error, e.g. the database went
 * away, and starts again shortly), `stopping`, `stopped`.
 */
export type JobRunnerState = RunnerState;

type InAppRunner = {
  state: JobRunnerState;
  current?: Promise<Runner>;
  stopping: boolean;
  retry?: ReturnType<typeof setTimeout>;
};

// Instrumentation and the route handlers are separate bundles: the state is per process.
const globalForRunner = globalThis as unknown as { azioneRunner?: InAppRunner };

export function jobRunnerState(): JobRunnerState {
  if (config().JOB_RUNNER === "off") return "off";
  return globalForRunner.azioneRunner?.state ?? "not_started";
}

const RESTART_DELAY_MS = 5000;

function launch(inApp: InAppRunner): void {
  inApp.state = inApp.state === "restarting" ? "restarting" : "starting";
  const jobOutcomes = registerAppMetrics(serverRuntime().registry, { db, pool: processPool });
  const started = startConfiguredRunner({ handleSignals: false });
  inApp.current = started;
  started.then(
    (runner) => {
      if (inApp.stopping) return;
      inApp.state = "running";
      runner.events.on("job:success", ({ job }) =>
        jobOutcomes.inc({ task: job.task_identifier, outcome: "success" }),
      );
      runner.events.on("job:error", ({ job }) =>
        jobOutcomes.inc({ task: job.task_identifier, outcome: "error" }),
      );
      runner.events.on("job:failed", ({ job }) =>
        jobOutcomes.inc({ task: job.task_identifier, outcome: "failed" }),
      );
      runner.promise.then(
        () => {
          if (!inApp.stopping) restartLater(inApp, "stopped");
        },
        (error: unknown) => restartLater(inApp, error),
      );
    },
    (error: unknown) => restartLater(inApp, error),
  );
}

/** A runner that died (PostgreSQL restarted under it) starts again: no restart of the app needed. */
function restartLater(inApp: InAppRunner, error: unknown): void {
  if (inApp.stopping) return;
  inApp.state = "restarting";
  log.error(
    { component: "jobs", error: error instanceof Error ? error.message : String(error) },
    "job runner stopped; starting it again",
  );
  inApp.retry = setTimeout(() => launch(inApp), RESTART_DELAY_MS);
}

/** Stops the in-app runner, letting its running jobs finish. */
export async function stopRunnerInApp(reason: string): Promise<void> {
  const inApp = globalForRunner.azioneRunner;
  if (!inApp || inApp.stopping) return;
  inApp.stopping = true;
  inApp.state = "stopping";
  clearTimeout(inApp.retry);
  const runner = await inApp.current?.catch(() => undefined);
  await runner?.stop(reason).catch(() => undefined);
  inApp.state = "stopped";
}

/**
 * Starts the runner inside the app's server process (instrumentation.ts), once per
 * process, unless JOB_RUNNER=off. Under the production preload (scripts/server-preload.mjs)
 * it stops as a shutdown step, after in-flight requests and before the pool closes.
 * Without it (`next dev`), Next stops the server on SIGTERM/SIGINT and exits at once; its
 * handlers are moved behind ours, so the running jobs finish first.
 */
export function startRunnerInApp(): void {
  if (config().JOB_RUNNER === "off" || globalForRunner.azioneRunner) return;
  const inApp: InAppRunner = { state: "starting", stopping: false };
  globalForRunner.azioneRunner = inApp;
  launch(inApp);
  if (serverRuntime().managedShutdown) {
    onShutdown({
      name: "job runner",
      order: SHUTDOWN_ORDER.jobs,
      run: () => stopRunnerInApp("shutdown"),
    });
    return;
  }
  for (const signal of ["SIGTERM", "SIGINT"] as const) {
    const nextHandlers = process.listeners(signal);
    process.removeAllListeners(signal);
    process.once(signal, () => {
      void stopRunnerInApp(`received ${signal}`).finally(() => {
        if (nextHandlers.length === 0) process.kill(process.pid, signal);
        for (const handler of nextHandlers) handler(signal);
      });
    });
  }
}
