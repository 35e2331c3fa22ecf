import { parsePublicId, performanceDetailJson } from "@/lib/catalog/catalog-json";
import { getPublicPerformance } from "@/lib/catalog/public-catalog";
import { config } from "@/lib/config";
import { db } from "@/lib/db";
import { problem } from "@/web/http/api-response";

export const dynamic = "force-dynamic";

export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const id = parsePublicId((await params).id);
  const performance = id === null ? null : await getPublicPerformance(db, id);
  if (!performance) return problem(404, "not_found", "No public performance has this id.");
  return Response.json(performanceDetailJson(performance, config().TIME_ZONE));
}
