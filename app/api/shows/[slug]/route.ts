import { showDetailJson } from "@/lib/catalog/catalog-json";
import { getPublicShow } from "@/lib/catalog/public-catalog";
import { config } from "@/lib/config";
import { db } from "@/lib/db";
import { problem } from "@/web/http/api-response";

export const dynamic = "force-dynamic";

export async function GET(_request: Request, { params }: { params: Promise<{ slug: string }> }) {
  const show = await getPublicShow(db, (await params).slug);
  if (!show) return problem(404, "not_found", "No published show has this slug.");
  return Response.json(showDetailJson(show, config().TIME_ZONE));
}
