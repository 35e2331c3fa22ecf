import { z } from "zod";
import { performanceListItemJson } from "@/lib/catalog/catalog-json";
import { listPublicPerformances } from "@/lib/catalog/public-catalog";
import { config } from "@/lib/config";
import { db } from "@/lib/db";
import { fieldErrorsResponse } from "@/web/http/api-response";
import { isSaneDate, isSlug } from "@/lib/validation/text";
import { instantFrom } from "@/lib/time";

export const dynamic = "force-dynamic";

// `from` accepts what the contract shows (ISO 8601 with offset) or a bare date, within
// the years the theatre can have performances in (year 0 is not a date PostgreSQL takes).
const performanceFilters = z.strictObject({
  show: z.string().trim().min(1).max(220).refine(isSlug, "invalid_slug").optional(),
  from: z
    .union([z.iso.datetime({ offset: true }), z.iso.date()], { error: "invalid_datetime" })
    .refine((value) => isSaneDate(new Date(value)), "invalid_datetime")
    .optional(),
});

export async function GET(request: Request) {
  const parsed = performanceFilters.safeParse(
    Object.fromEntries(new URL(request.url).searchParams),
  );
  if (!parsed.success) return fieldErrorsResponse(parsed.error);
  const { show, from } = parsed.data;
  const { TIME_ZONE } = config();
  const performances = await listPublicPerformances(db, {
    showSlug: show,
    from: from ? instantFrom(from, TIME_ZONE) : undefined,
  });
  return Response.json({
    results: performances.map((p) => performanceListItemJson(p, TIME_ZONE)),
  });
}
