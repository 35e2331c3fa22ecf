-- The job runners alive now: each runner (in every app instance, or `npm run worker`)
-- writes its row every few seconds with the ids that lock its jobs (its worker pool's)
-- and the jobs it is running. A job locked by an id that no fresh row names belongs to
-- a runner that is gone (killed with SIGKILL, its machine lost); a job locked by a live
-- runner long before its last beat and not among its jobs is one it lost (the answer
-- that locked it never arrived: the database went away). Runners release both at start
-- and periodically, instead of after graphile-worker's 4-hour lock expiry.
-- See lib/jobs/runner-heartbeat.ts.
CREATE TABLE "job_runners" (
  "runner_id"    TEXT PRIMARY KEY,
  "worker_ids"   TEXT[] NOT NULL,
  "job_ids"      BIGINT[] NOT NULL DEFAULT '{}',
  "started_at"   TIMESTAMPTZ(3) NOT NULL DEFAULT now(),
  "last_seen_at" TIMESTAMPTZ(3) NOT NULL DEFAULT now()
);
