import { NextResponse } from "next/server";
import {
  doorWindow,
  readCheckInRequest,
  refusalResponse,
  ticketJson,
} from "@/app/api/check-ins/check-in-response";
import { previewCheckIn } from "@/lib/check-ins/check-in";
import { checkInPreviewRequest, targetOfRequest } from "@/lib/check-ins/check-in-request";
import { config } from "@/lib/config";
import { db } from "@/lib/db";
import { formatIsoInZone } from "@/lib/time";

/** What confirming this ticket, code or reservation would do. Never writes. */
export async function POST(request: Request) {
  const checked = await readCheckInRequest(request, checkInPreviewRequest);
  if (!checked.ok) return checked.response;
  const result = await previewCheckIn({
    db,
    target: targetOfRequest(checked.body).target,
    performanceId: checked.body.performance_id,
    window: doorWindow(),
  });
  if (!result.ok) return refusalResponse(result);
  return NextResponse.json({
    status: "valid",
    ...ticketJson(result.ticket),
    // Set while the doors are not open yet: confirming then needs override_window.
    doors_open_at: result.doorsOpenAt && formatIsoInZone(result.doorsOpenAt, config().TIME_ZONE),
  });
}
