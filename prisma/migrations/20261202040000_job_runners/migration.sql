-- The job runners alive now: each runner (in every app instance, or `npm run worker`)
-- writes its row every few seconds with the ids of its graphile-worker workers. A job
-- locked by a worker that no fresh row names belongs to a runner that is gone (killed
-- with SIGKILL, its machine lost): runners release such jobs at start and periodically
-- (graphile_worker.force_unlock_workers), instead of graphile-worker's 4-hour lock
-- expiry. See lib/jobs/runner-heartbeat.ts.
CREATE TABLE "job_runners" (
  "runner_id"    TEXT PRIMARY KEY,
  "worker_ids"   TEXT[] NOT NULL,
  "started_at"   TIMESTAMPTZ(3) NOT NULL DEFAULT now(),
  "last_seen_at" TIMESTAMPTZ(3) NOT NULL DEFAULT now()
);
