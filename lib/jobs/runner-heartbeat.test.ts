// Which locked jobs a runner releases: only those of workers whose runner is gone — never
// a live runner's, not even one that took a job before its first beat. Against the real
// graphile_worker schema. (The whole story, a runner killed with SIGKILL and its email
// sent by another runner without an operator, is in lib/jobs/worker-crash.test.ts.)
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { beat, keepRunnerAlive, releaseJobsOfGoneRunners } from "@/lib/jobs/runner-heartbeat";

const GONE_AFTER_MS = 30_000;

/** A job locked by `workerId`, its lock taken `ageSeconds` ago. */
async function lockedJob(workerId: string, ageSeconds: number): Promise<string> {
  const [job] = await db.$queryRaw<{ id: string }[]>`
    SELECT id::text FROM graphile_worker.add_job('soak_noop', '{}'::json)`;
  await db.$executeRaw`
    UPDATE graphile_worker._private_jobs
       SET locked_by = ${workerId}, locked_at = now() - make_interval(secs => ${ageSeconds})
     WHERE id = ${job.id}::bigint`;
  return job.id;
}

async function lockOf(jobId: string): Promise<string | null> {
  const [job] = await db.$queryRaw<{ locked_by: string | null }[]>`
    SELECT locked_by FROM graphile_worker.jobs WHERE id = ${jobId}::bigint`;
  return job.locked_by;
}

describe("releasing the jobs of job runners that are gone", () => {
  it("releases a job whose worker no runner names, once its lock is older than the delay", async () => {
    const killed = await lockedJob("worker-killed", 60);
    expect(await releaseJobsOfGoneRunners(db, { goneAfterMs: GONE_AFTER_MS })).toContain(
      "worker-killed",
    );
    expect(await lockOf(killed)).toBeNull();
  });

  it("never releases a live runner's job, however long it has been running", async () => {
    await beat(db, "runner-live", ["worker-live-1", "worker-live-2"]);
    const long = await lockedJob("worker-live-2", 3600);
    await releaseJobsOfGoneRunners(db, { goneAfterMs: GONE_AFTER_MS });
    expect(await lockOf(long)).toBe("worker-live-2");
  });

  it("leaves a job taken moments ago by a worker not yet named (its runner's first beat is coming)", async () => {
    const fresh = await lockedJob("worker-starting", 1);
    await releaseJobsOfGoneRunners(db, { goneAfterMs: GONE_AFTER_MS });
    expect(await lockOf(fresh)).toBe("worker-starting");
  });

  it("releases the jobs of a runner whose beats stopped", async () => {
    await beat(db, "runner-silent", ["worker-silent"]);
    await db.$executeRaw`
      UPDATE job_runners SET last_seen_at = now() - interval '2 minutes' WHERE runner_id = 'runner-silent'`;
    const held = await lockedJob("worker-silent", 120);
    await releaseJobsOfGoneRunners(db, { goneAfterMs: GONE_AFTER_MS });
    expect(await lockOf(held)).toBeNull();
  });

  it("a runner beats while it runs and leaves no row when it stops", async () => {
    const alive = keepRunnerAlive(db, () => ["worker-beating"], { goneAfterMs: 600 });
    await expect
      .poll(() => db.jobRunner.findUnique({ where: { runnerId: alive.runnerId } }))
      .toMatchObject({ workerIds: ["worker-beating"] });
    const held = await lockedJob("worker-beating", 60);
    // Several beats later the job is still its own.
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect(await lockOf(held)).toBe("worker-beating");
    await alive.stop();
    expect(await db.jobRunner.findUnique({ where: { runnerId: alive.runnerId } })).toBeNull();
  });
});
