import { randomBytes } from "node:crypto";
import type { PrismaClient } from "@/lib/db";
import { log } from "@/lib/operations/log";

/**
 * Jobs nobody is running. A runner killed with SIGKILL (or whose machine was lost)
 * leaves the jobs it was running locked, and graphile-worker only takes a lock back after
 * 4 hours: a ticket email would wait that long. The same happens to a live runner when
 * the database goes away between locking a job and answering: the job is locked in the
 * database by a runner that never received it. So every runner writes a row in
 * `job_runners` every few seconds naming the ids that lock its jobs and the jobs it is
 * running, and, at start and then with every beat, releases
 * - the jobs locked by ids that no fresh row names (their runner is gone:
 *   `graphile_worker.force_unlock_workers`), and
 * - the jobs a live runner locked more than `goneAfterMs` before its last beat and did
 *   not list in it (it lost them).
 *
 * Never a job a live runner is running: it is listed in every beat. A job taken just
 * before its runner's first beat, or just before a beat, is protected by the same delay
 * on the lock's age. The price is that a runner whose beats stop for `goneAfterMs` while
 * its database still answers others (its event loop blocked that long) may see a job it
 * still runs given to another runner: the email is then delivered once anyway where the
 * transport has an idempotency key (Resend, the file mailbox), at least once with SMTP
 * (see README, Jobs).
 */
export type HeartbeatSettings = {
  /** A runner whose last beat is older, and a lock older, count as gone. */
  goneAfterMs: number;
  /** Between two beats (and releases); a sixth of goneAfterMs by default. */
  intervalMs?: number;
};

export const DEFAULT_GONE_AFTER_MS = 30_000;

/** Writes this runner's row: alive now, locking with `workerIds`, running `jobIds`. */
export async function beat(
  db: PrismaClient,
  runnerId: string,
  workerIds: string[],
  jobIds: string[] = [],
): Promise<void> {
  await db.$executeRaw`
    INSERT INTO job_runners (runner_id, worker_ids, job_ids)
    VALUES (${runnerId}, ${workerIds}::text[], ${jobIds}::bigint[])
    ON CONFLICT (runner_id) DO UPDATE
      SET worker_ids = EXCLUDED.worker_ids, job_ids = EXCLUDED.job_ids, last_seen_at = now()`;
}

/**
 * Releases the jobs nobody runs (see above) and forgets runners silent for a day.
 * Returns the ids of the gone workers and of the lost jobs released.
 */
export async function releaseJobsOfGoneRunners(
  db: PrismaClient,
  { goneAfterMs }: { goneAfterMs: number },
): Promise<{ goneWorkers: string[]; lostJobs: string[] }> {
  const seconds = goneAfterMs / 1000;
  const gone = await db.$queryRaw<{ gone: string[] }[]>`
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
  // graphile-worker has no function to release one job of a live worker (its
  // force_unlock_workers releases all of them): the same UPDATE on its table, per job.
  // Our jobs use no named queue, so no queue lock is held with them.
  const lost = await db.$queryRaw<{ id: string }[]>`
    WITH live AS (
      SELECT unnest(worker_ids) AS worker_id, job_ids, last_seen_at FROM job_runners
       WHERE last_seen_at > now() - make_interval(secs => ${seconds})
    )
    UPDATE graphile_worker._private_jobs AS jobs
       SET locked_at = NULL, locked_by = NULL
      FROM live
     WHERE jobs.locked_by = live.worker_id
       AND NOT (jobs.id = ANY (live.job_ids))
       AND jobs.locked_at < live.last_seen_at - make_interval(secs => ${seconds})
    RETURNING jobs.id::text AS id`;
  await db.$executeRaw`DELETE FROM job_runners WHERE last_seen_at < now() - interval '1 day'`;
  return { goneWorkers: gone[0]?.gone ?? [], lostJobs: lost.map((row) => row.id) };
}

/** A runner's beats, until `stop()` (which removes its row: a stopped runner holds no job). */
export function keepRunnerAlive(
  db: PrismaClient,
  runner: { workerIds: () => string[]; jobIds: () => string[] },
  settings: HeartbeatSettings,
): { runnerId: string; stop: () => Promise<void> } {
  const runnerId = `runner-${randomBytes(9).toString("hex")}`;
  const intervalMs = settings.intervalMs ?? Math.max(200, Math.floor(settings.goneAfterMs / 6));
  let stopped = false;
  let running: Promise<void> = Promise.resolve();
  const tick = () => {
    running = (async () => {
      try {
        await beat(db, runnerId, runner.workerIds(), runner.jobIds());
        const { goneWorkers, lostJobs } = await releaseJobsOfGoneRunners(db, settings);
        if (goneWorkers.length > 0)
          log.warn(
            { component: "jobs", workers: goneWorkers },
            "released the jobs of job runners that are gone",
          );
        if (lostJobs.length > 0)
          log.warn({ component: "jobs", jobs: lostJobs }, "released jobs their runner lost");
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
