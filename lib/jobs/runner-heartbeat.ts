import { randomBytes } from "node:crypto";
import type { PrismaClient } from "@/lib/db";
import { log } from "@/lib/operations/log";

/**
 * Jobs of runners that are gone. A runner killed with SIGKILL (or whose machine was lost)
 * leaves the jobs it was running locked, and graphile-worker only takes a lock back after
 * 4 hours: a ticket email would wait that long. So every runner writes a row in
 * `job_runners` every few seconds naming its workers, and releases
 * (`graphile_worker.force_unlock_workers`) the jobs locked by workers that no fresh row
 * names, at start and then with every beat.
 *
 * Never a live runner's job: its workers are in a fresh row. A worker that took a job
 * before its runner's first beat is protected by the same delay on the lock's age. The
 * price is that a runner whose beats stop for `goneAfterMs` while its database still
 * answers others (its event loop blocked that long) may see a job it still runs given
 * to another runner: the email is then delivered once anyway where the transport has an
 * idempotency key (Resend, the file mailbox), at least once with SMTP (see README, Jobs).
 */
export type HeartbeatSettings = {
  /** A runner whose last beat is older, and a lock older, count as gone. */
  goneAfterMs: number;
  /** Between two beats (and releases); a sixth of goneAfterMs by default. */
  intervalMs?: number;
};

export const DEFAULT_GONE_AFTER_MS = 30_000;

/** Writes this runner's row: alive now, with these workers. */
export async function beat(db: PrismaClient, runnerId: string, workerIds: string[]): Promise<void> {
  await db.$executeRaw`
    INSERT INTO job_runners (runner_id, worker_ids) VALUES (${runnerId}, ${workerIds}::text[])
    ON CONFLICT (runner_id) DO UPDATE SET worker_ids = EXCLUDED.worker_ids, last_seen_at = now()`;
}

/**
 * Releases the jobs locked, for longer than `goneAfterMs`, by workers that no runner
 * seen within `goneAfterMs` names, and forgets runners silent for a day. Returns the
 * worker ids released.
 */
export async function releaseJobsOfGoneRunners(
  db: PrismaClient,
  { goneAfterMs }: { goneAfterMs: number },
): Promise<string[]> {
  const seconds = goneAfterMs / 1000;
  const rows = await db.$queryRaw<{ gone: string[] }[]>`
    WITH live AS (
      SELECT unnest(worker_ids) AS worker_id FROM job_runners
       WHERE last_seen_at > now() - make_interval(secs => ${seconds})
    ), gone AS (
      SELECT DISTINCT locked_by FROM graphile_worker.jobs
       WHERE locked_by IS NOT NULL
         AND locked_at < now() - make_interval(secs => ${seconds})
         AND locked_by NOT IN (SELECT worker_id FROM live)
    )
    SELECT released.gone
      FROM (SELECT array_agg(locked_by) AS gone FROM gone HAVING count(*) > 0) AS released,
           LATERAL graphile_worker.force_unlock_workers(released.gone) AS unlocked`;
  await db.$executeRaw`DELETE FROM job_runners WHERE last_seen_at < now() - interval '1 day'`;
  return rows[0]?.gone ?? [];
}

/** A runner's beats, until `stop()` (which removes its row: a stopped runner holds no job). */
export function keepRunnerAlive(
  db: PrismaClient,
  workerIds: () => string[],
  settings: HeartbeatSettings,
): { runnerId: string; stop: () => Promise<void> } {
  const runnerId = `runner-${randomBytes(9).toString("hex")}`;
  const intervalMs = settings.intervalMs ?? Math.max(200, Math.floor(settings.goneAfterMs / 6));
  let stopped = false;
  let running: Promise<void> = Promise.resolve();
  const tick = () => {
    running = (async () => {
      try {
        await beat(db, runnerId, workerIds());
        const released = await releaseJobsOfGoneRunners(db, settings);
        if (released.length > 0)
          log.warn(
            { component: "jobs", workers: released },
            "released the jobs of job runners that are gone",
          );
      } catch {
        // The database is unavailable: the next beat tries again.
      }
    })();
  };
  tick();
  const timer = setInterval(() => {
    if (!stopped) tick();
  }, intervalMs);
  timer.unref();
  return {
    runnerId,
    stop: async () => {
      if (stopped) return;
      stopped = true;
      clearInterval(timer);
      await running;
      await db.$executeRaw`DELETE FROM job_runners WHERE runner_id = ${runnerId}`.catch(
        () => undefined,
      );
    },
  };
}
