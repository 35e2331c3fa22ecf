import type { PrismaClient } from "@/lib/db";
import { checkDatabase } from "@/lib/health";

/**
 * The newest migration this code needs. A test pins it to the last folder in
 * prisma/migrations, so it cannot be forgotten when a migration is added; the standalone
 * server does not ship the migration files, so the name is compiled in.
 */
export const LATEST_MIGRATION = "20261203020000_hot_paths_in_one_round_trip";

/** The in-app job runner as readiness sees it (lib/jobs/configured-runner.ts). */
export type RunnerState =
  "off" | "not_started" | "starting" | "running" | "restarting" | "stopping" | "stopped";

export type Readiness = {
  ok: boolean;
  database: "ok" | "unavailable";
  migrations: "current" | "pending" | "unknown";
  /** `running`, or `off` when JOB_RUNNER=off (then `npm run worker` runs the jobs). */
  jobRunner: RunnerState;
  /** true once SIGTERM arrived: the proxy should send its traffic elsewhere. */
  stopping: boolean;
};

/**
 * Whether this instance should get traffic: it is not stopping, the database answers and
 * holds every migration the code expects (an instance started before `db:migrate` ran is
 * not ready), and its job runner is alive (unless it runs none).
 */
export async function checkReadiness(
  db: PrismaClient,
  process: { jobRunner: RunnerState; stopping: boolean } = { jobRunner: "off", stopping: false },
): Promise<Readiness> {
  const runnerOk = process.jobRunner === "off" || process.jobRunner === "running";
  const database = await checkDatabase(db);
  if (!database.ok)
    return { ok: false, database: "unavailable", migrations: "unknown", ...process };
  const rows = await db.$queryRaw<{ applied: boolean }[]>`
    SELECT EXISTS (
      SELECT 1 FROM _prisma_migrations
      WHERE migration_name = ${LATEST_MIGRATION} AND finished_at IS NOT NULL
        AND rolled_back_at IS NULL
    ) AS applied`.catch(() => [{ applied: false }]);
  const current = rows[0]?.applied === true;
  return {
    ok: current && runnerOk && !process.stopping,
    database: "ok",
    migrations: current ? "current" : "pending",
    ...process,
  };
}
