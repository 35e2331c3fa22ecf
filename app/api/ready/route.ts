import { db } from "@/lib/db";
import { jobRunnerState } from "@/lib/jobs/configured-runner";
import { checkReadiness } from "@/lib/operations/readiness";
import { serverRuntime } from "@/lib/operations/server-runtime";

export const dynamic = "force-dynamic";

/**
 * Readiness for a load balancer or an orchestrator: 200 when the database answers, its
 * migrations are current and the job runner is alive (or JOB_RUNNER=off); 503 otherwise,
 * and from SIGTERM on (with which check failed, nothing more). `/api/health` stays as
 * PRODUCT.md §5 defines it (the database answers).
 */
export async function GET() {
  const readiness = await checkReadiness(db, {
    jobRunner: jobRunnerState(),
    stopping: serverRuntime().shuttingDown,
  });
  return Response.json(
    {
      status: readiness.ok ? "ready" : "unavailable",
      database: readiness.database,
      migrations: readiness.migrations,
      job_runner: readiness.jobRunner,
      ...(readiness.stopping ? { stopping: true } : {}),
    },
    {
      status: readiness.ok ? 200 : 503,
      headers: {
        "Cache-Control": "no-store",
        ...(readiness.ok ? {} : { "Retry-After": "5" }),
      },
    },
  );
}
