// Which locked jobs a runner releases: those of workers whose runner is gone, and those a
// live runner lost — never a job a live runner is running, nor one taken just before a
// beat. Against the real graphile_worker schema. (The whole story, a runner killed with SIGKILL and its email
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
    expect(
      (await releaseJobsOfGoneRunners(db, { goneAfterMs: GONE_AFTER_MS })).goneWorkers,
    ).toContain("worker-killed");
    expect(await lockOf(killed)).toBeNull();
  });

  it("never releases a job a live runner is running, however long it has been running", async () => {
    const long = await lockedJob("pool-live", 3600);
    await beat(db, "runner-live", ["pool-live", "worker-live-1"], [long]);
    await releaseJobsOfGoneRunners(db, { goneAfterMs: GONE_AFTER_MS });
    expect(await lockOf(long)).toBe("pool-live");
  });

  it("releases a job a live runner lost: locked by it long before its last beat, not among its jobs", async () => {
    // The database went away between locking the job and answering the runner.
    const running = await lockedJob("pool-losing", 120);
    const lost = await lockedJob("pool-losing", 120);
    const justTaken = await lockedJob("pool-losing", 1);
    await beat(db, "runner-losing", ["pool-losing"], [running]);
    const { lostJobs } = await releaseJobsOfGoneRunners(db, { goneAfterMs: GONE_AFTER_MS });
    expect(lostJobs).toEqual([lost]);
    expect(await lockOf(lost)).toBeNull();
    expect(await lockOf(running)).toBe("pool-losing");
    // Taken just before the beat: its start may not be listed yet.
    expect(await lockOf(justTaken)).toBe("pool-losing");
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
    const held = await lockedJob("worker-beating", 60);
    const alive = keepRunnerAlive(
      db,
      { workerIds: () => ["worker-beating"], jobIds: () => [held] },
      { goneAfterMs: 600 },
    );
    await expect
      .poll(() => db.jobRunner.findUnique({ where: { runnerId: alive.runnerId } }))
      .toMatchObject({ workerIds: ["worker-beating"], jobIds: [BigInt(held)] });
    // Several beats later the job is still its own.
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect(await lockOf(held)).toBe("worker-beating");
    await alive.stop();
    expect(await db.jobRunner.findUnique({ where: { runnerId: alive.runnerId } })).toBeNull();
  });
});
