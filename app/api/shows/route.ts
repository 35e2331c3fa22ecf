import { showSummaryJson } from "@/lib/catalog/catalog-json";
import { listPublicShows } from "@/lib/catalog/public-catalog";
import { db } from "@/lib/db";

export const dynamic = "force-dynamic";

export async function GET() {
  const shows = await listPublicShows(db);
  return Response.json({ results: shows.map(showSummaryJson) });
}
