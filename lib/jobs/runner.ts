import { EventEmitter } from "node:events";
import {
  Logger,
  parseCrontab,
  run,
  runMigrations,
  type Runner,
  type TaskList,
  type WorkerEvents,
} from "graphile-worker";
import type { PrismaClient } from "@/lib/db";
import { deliveryKey, sendEmailTask } from "@/lib/jobs/email-task";
import { log } from "@/lib/operations/log";
import { DEFAULT_GONE_AFTER_MS, keepRunnerAlive } from "@/lib/jobs/runner-heartbeat";
import { SEND_EMAIL_TASK } from "@/lib/mail/email-queue";
import type { MailContext } from "@/lib/reservations/reservation-emails";
import type { MailTransport } from "@/lib/mail/transport";
import { expireReservations } from "@/lib/reservations/expire-reservations";
import { deleteExpiredRateLimits, purgePersonalData } from "@/lib/retention";
import { expireWaitlistOffers } from "@/lib/waitlist/expire-offers";
import { sendReminders, type ReminderSettings } from "@/lib/audience/reminders";
import type { TokenSettings } from "@/lib/reservations/token-settings";
import { DEFAULT_WAITLIST_SETTINGS, type WaitlistSettings } from "@/lib/waitlist/waitlist-settings";

export { deliveryKey };

export type JobRunnerSettings = {
  connectionString: string;
  concurrency: number;
  retentionDays: number;
  /** WAITLIST_OFFER_HOURS and the address-confirmation link's time; the defaults when absent. */
  waitlist?: WaitlistSettings;
  /** REMINDER_HOUR in TIME_ZONE, and the token settings of the reminder's ticket link. */
  reminders?: ReminderSettings & { tokens: TokenSettings };
  mail: () => MailContext;
  transport: () => MailTransport;
  /** Milliseconds between polls for jobs scheduled later (retries); new jobs arrive by LISTEN/NOTIFY. */
  pollInterval?: number;
  /** false: the caller owns SIGTERM/SIGINT (the app process, see instrumentation.ts). */
  handleSignals?: boolean;
  /** false in tests that drive one task alone. */
  cron?: boolean;
  /**
   * A runner silent this long is gone: the jobs its workers held are released
   * (lib/jobs/runner-heartbeat.ts). Default 30 s.
   */
  goneAfterMs?: number;
};

/**
 * Scheduled work, on graphile-worker's cron: each tick is claimed in the database
 * (`known_crontabs`), so with several runners each runs once. Every task is idempotent.
 * `fill` backfills a tick missed while no runner was up.
 */
const CRONTAB = [
  // Pending reservations whose link expired become `expired` within a minute.
  "* * * * * expire_reservations ?max=1",
  // Waiting-list offers that ran out pass to the next entries (lib/waitlist/expire-offers.ts).
  "* * * * * expire_waitlist_offers ?max=1",
  // Reminders due (REMINDER_HOUR the day before, in TIME_ZONE), each sent once.
  "*/15 * * * * send_reminders ?max=1",
  // Expired rate-limit counters.
  "7 * * * * cleanup_rate_limits ?max=3",
  // Personal data of reservations older than RETENTION_DAYS, daily at 01:30 UTC (02:30 or 03:30 in Rome).
  "30 1 * * * retention_purge ?fill=1d&max=5",
].join("\n");

export function jobTasks(db: PrismaClient, settings: JobRunnerSettings): TaskList {
  return {
    [SEND_EMAIL_TASK]: sendEmailTask({
      db,
      transport: settings.transport,
      context: settings.mail,
    }) as TaskList[string],
    expire_reservations: async () => {
      await expireReservations({ db });
    },
    expire_waitlist_offers: async () => {
      await expireWaitlistOffers({ db, settings: settings.waitlist ?? DEFAULT_WAITLIST_SETTINGS });
    },
    send_reminders: async () => {
      const reminders = settings.reminders ?? {
        hour: 10,
        timeZone: "Europe/Rome",
        tokens: { confirmationTtlHours: 24, checkInWindowHours: 6 },
      };
      await sendReminders({ db, settings: reminders, tokenSettings: reminders.tokens });
    },
    cleanup_rate_limits: async () => {
      await deleteExpiredRateLimits({ db });
    },
    retention_purge: async () => {
      await purgePersonalData({ db, retentionDays: settings.retentionDays });
    },
  };
}

/** graphile-worker's log lines as our JSON lines (pino): start, stop, failures (its debug is chatty). */
const jsonLogger = new Logger((scope) => (level, message) => {
  // Successes are in email_deliveries (and cron's every minute would flood the log).
  if (level === "debug" || message.startsWith("Completed task")) return;
  const { taskIdentifier, jobId } = scope as { taskIdentifier?: string; jobId?: string };
  // Messages quote our errors, which carry only reason codes (lib/mail/transport.ts).
  const fields = { component: "jobs", task: taskIdentifier, job_id: jobId };
  if (level === "error") log.error(fields, message);
  else if (level === "warning") log.warn(fields, message);
  else log.info(fields, message);
});

/** Installs (or upgrades) graphile-worker's schema; `npm run db:migrate` calls it too. */
export async function installJobQueue(connectionString: string): Promise<void> {
  await runMigrations({ connectionString, logger: jsonLogger });
}

/**
 * Starts a job runner: emails and scheduled work. Any number may run against one
 * database (in each app instance, or `npm run worker`): graphile-worker hands each job
 * to one of them (SELECT … FOR UPDATE SKIP LOCKED). `stop()` finishes the running jobs.
 */
export async function startJobRunner(
  db: PrismaClient,
  settings: JobRunnerSettings,
): Promise<Runner> {
  // The ids that lock this runner's jobs, for its heartbeat: graphile-worker 0.18 locks a
  // job with its worker pool's id (a worker's own id too, to be safe across versions).
  const events: WorkerEvents = new EventEmitter();
  const workerIds = new Set<string>();
  events.on("pool:create", ({ workerPool }) => workerIds.add(workerPool.id));
  events.on("worker:create", ({ worker }) => workerIds.add(worker.workerId));
  // The jobs this runner holds (fetched into its local queue, or running), for the same
  // heartbeat: a job waiting in the local queue is locked too, and is not lost.
  const jobIds = new Set<string>();
  events.on("localQueue:getJobs:complete", ({ jobs }) => jobs.forEach((job) => jobIds.add(job.id)));
  events.on("localQueue:returnJobs", ({ jobs }) => jobs.forEach((job) => jobIds.delete(job.id)));
  events.on("job:start", ({ job }) => jobIds.add(job.id));
  events.on("job:complete", ({ job }) => jobIds.delete(job.id));
  const goneAfterMs = settings.goneAfterMs ?? DEFAULT_GONE_AFTER_MS;
  const runner = await run({
    connectionString: settings.connectionString,
    concurrency: settings.concurrency,
    maxPoolSize: settings.concurrency + 2,
    pollInterval: settings.pollInterval ?? 1000,
    noHandleSignals: settings.handleSignals === false,
    logger: jsonLogger,
    events,
    preset: {
      worker: {
        // Completion and failure marks go through graphile-worker's batcher, which a
        // graceful shutdown flushes; unbatched, a mark still in flight is lost when the
        // process exits on SIGTERM, and the finished job would run again after its lock
        // expires. The few milliseconds' wait puts the marks of jobs finishing together
        // in one statement; a job whose mark a SIGKILL loses runs again and finds its
        // email sent (lib/jobs/email-task.ts).
        completeJobBatchDelay: 5,
        failJobBatchDelay: 5,
        // Jobs fetched a few at a time, not one query per job: the queue drains faster
        // than confirmations arrive. A job waits there briefly (it is returned to the
        // database well before the heartbeat would count it lost).
        localQueue: {
          size: settings.concurrency * 2,
          ttl: Math.min(300_000, Math.floor(goneAfterMs / 2)),
        },
      },
    },
    taskList: jobTasks(db, settings),
    parsedCronItems: settings.cron === false ? [] : parseCrontab(CRONTAB),
  });
  // Alive while the runner runs; jobs nobody runs (their runner gone, or lost) are released.
  const heartbeat = keepRunnerAlive(
    db,
    { workerIds: () => [...workerIds], jobIds: () => [...jobIds] },
    { goneAfterMs },
  );
  runner.promise.then(
    () => heartbeat.stop(),
    () => heartbeat.stop(),
  );
  return runner;
}
