import { db } from "@/lib/db";
import { checkDatabase } from "@/lib/health";
import { log } from "@/lib/operations/log";

export const dynamic = "force-dynamic";

export async function GET() {
  const health = await checkDatabase(db);
  if (health.ok)
    return Response.json({ status: "ok" }, { headers: { "Cache-Control": "no-store" } });
  // Operators need the reason in the logs; the visitor gets none of it.
  log.error({ error: health.error }, "health check failed");
  return Response.json(
    { status: "unavailable", detail: "The database is not answering." },
    { status: 503, headers: { "Cache-Control": "no-store", "Retry-After": "5" } },
  );
}
