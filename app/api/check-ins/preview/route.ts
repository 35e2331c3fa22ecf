import { NextResponse } from "next/server";
import {
  readCheckInRequest,
  refusalResponse,
  ticketJson,
} from "@/app/api/check-ins/check-in-response";
import { previewCheckIn } from "@/lib/check-ins/check-in";
import { checkInPreviewRequest } from "@/lib/check-ins/check-in-request";
import { db } from "@/lib/db";

/** What confirming this ticket would do. Never writes. */
export async function POST(request: Request) {
  const checked = await readCheckInRequest(request, checkInPreviewRequest);
  if (!checked.ok) return checked.response;
  const result = await previewCheckIn({
    db,
    target: { token: checked.body.token },
    performanceId: checked.body.performance_id,
  });
  if (!result.ok) return refusalResponse(result);
  return NextResponse.json({ status: "valid", ...ticketJson(result.ticket) });
}
