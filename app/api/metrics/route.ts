import { config } from "@/lib/config";
import { db, processPool } from "@/lib/db";
import { registerAppMetrics } from "@/lib/operations/metrics";
import { serverRuntime } from "@/lib/operations/server-runtime";
import { currentUser } from "@/web/auth/current-user";
import { allows } from "@/web/auth/guards";
import { problem } from "@/web/http/api-response";
import { hasMetricsToken } from "@/web/http/metrics-access";

export const dynamic = "force-dynamic";

/**
 * Prometheus metrics (text format) for `Authorization: Bearer <METRICS_TOKEN>` or a
 * signed-in admin. Anyone else: 401 when a token is configured (a scraper with the wrong
 * one), 404 when none is (the endpoint does not exist for the public).
 */
export async function GET(request: Request) {
  const { METRICS_TOKEN } = config();
  if (!hasMetricsToken(request.headers, METRICS_TOKEN)) {
    const user = await currentUser();
    if (!user || !allows(user, "admin")) {
      return METRICS_TOKEN
        ? problem(
            401,
            "unauthenticated",
            "A bearer token is required.",
            {},
            {
              "WWW-Authenticate": 'Bearer realm="metrics"',
            },
          )
        : problem(404, "not_found", "Not found.");
    }
  }
  const { registry } = serverRuntime();
  registerAppMetrics(registry, { db, pool: processPool });
  return new Response(await registry.metrics(), {
    headers: { "Content-Type": registry.contentType, "Cache-Control": "no-store" },
  });
}
