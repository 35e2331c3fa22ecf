import type { Runner } from "graphile-worker";
import { config } from "@/lib/config";
import { db } from "@/lib/db";
import { startJobRunner } from "@/lib/jobs/runner";
import { configuredTransport, type MailTransport } from "@/lib/mail/transport";

/** The runner with the process's configuration (the app's, or `npm run worker`'s). */
export function startConfiguredRunner({
  handleSignals,
}: {
  handleSignals: boolean;
}): Promise<Runner> {
  const {
    DATABASE_URL,
    JOB_CONCURRENCY,
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
  });
}

const globalForRunner = globalThis as unknown as { azioneRunner?: Promise<Runner> };

/**
 * Starts the runner inside the app's server process (instrumentation.ts), once per
 * process, unless JOB_RUNNER=off. Next.js stops the server on SIGTERM/SIGINT and exits at
 * once; its handlers are moved behind ours, so the jobs running then finish (and their
 * locks are released) before Next's own shutdown runs.
 */
export function startRunnerInApp(): void {
  if (config().JOB_RUNNER === "off" || globalForRunner.azioneRunner) return;
  const runner = startConfiguredRunner({ handleSignals: false });
  globalForRunner.azioneRunner = runner;
  runner.catch((error: unknown) => {
    console.error(
      JSON.stringify({
        level: "error",
        msg: "job runner did not start",
        error: error instanceof Error ? error.message : "unknown",
        time: new Date().toISOString(),
      }),
    );
  });
  for (const signal of ["SIGTERM", "SIGINT"] as const) {
    const nextHandlers = process.listeners(signal);
    process.removeAllListeners(signal);
    process.once(signal, () => {
      void runner
        .then((started) => started.stop(`received ${signal}`))
        .catch(() => {})
        .finally(() => {
          if (nextHandlers.length === 0) process.kill(process.pid, signal);
          for (const handler of nextHandlers) handler(signal);
        });
    });
  }
}
