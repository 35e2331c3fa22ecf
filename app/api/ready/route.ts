import { db } from "@/lib/db";
import { checkReadiness } from "@/lib/operations/readiness";

export const dynamic = "force-dynamic";

/**
 * Readiness for a load balancer or an orchestrator: 200 when the database answers and
 * its migrations are current, 503 otherwise (with which check failed, nothing more).
 * `/api/health` stays as PRODUCT.md §5 defines it (the database answers).
 */
export async function GET() {
  const readiness = await checkReadiness(db);
  return Response.json(
    {
      status: readiness.ok ? "ready" : "unavailable",
      database: readiness.database,
      migrations: readiness.migrations,
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
