import { NextResponse } from "next/server";
import {
  readCheckInRequest,
  refusalResponse,
  ticketJson,
} from "@/app/api/check-ins/check-in-response";
import { confirmCheckIn } from "@/lib/check-ins/check-in";
import { checkInConfirmRequest } from "@/lib/check-ins/check-in-request";
import { config } from "@/lib/config";
import { db } from "@/lib/db";
import { formatIsoInZone } from "@/lib/time";

/** Admits the party: validated again inside the transaction; a retry with the same nonce gets the first success. */
export async function POST(request: Request) {
  const checked = await readCheckInRequest(request, checkInConfirmRequest);
  if (!checked.ok) return checked.response;
  const { token, performance_id, nonce } = checked.body;
  const result = await confirmCheckIn({
    db,
    target: { token },
    source: "qr_scan",
    performanceId: performance_id,
    nonce,
    staff: checked.user,
  });
  if (!result.ok) return refusalResponse(result);
  return NextResponse.json({
    status: "checked_in",
    ...ticketJson(result.ticket),
    checked_in_at: formatIsoInZone(result.checkedInAt, config().TIME_ZONE),
    checked_in_by: result.checkedInById,
  });
}
