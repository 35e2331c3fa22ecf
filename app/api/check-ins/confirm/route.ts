import { NextResponse } from "next/server";
import {
  doorWindow,
  readCheckInRequest,
  refusalResponse,
  ticketJson,
} from "@/app/api/check-ins/check-in-response";
import { confirmCheckIn } from "@/lib/check-ins/check-in";
import { checkInConfirmRequest, targetOfRequest } from "@/lib/check-ins/check-in-request";
import { config } from "@/lib/config";
import { db } from "@/lib/db";
import { formatIsoInZone } from "@/lib/time";

/** Admits the party or part of it: validated again inside the transaction; a retry with the same nonce gets the first success. */
export async function POST(request: Request) {
  const checked = await readCheckInRequest(request, checkInConfirmRequest);
  if (!checked.ok) return checked.response;
  const { performance_id, nonce, seats, override_window } = checked.body;
  const { target, source } = targetOfRequest(checked.body);
  const result = await confirmCheckIn({
    db,
    target,
    source,
    performanceId: performance_id,
    nonce,
    seats,
    window: doorWindow(override_window),
    staff: checked.user,
  });
  if (!result.ok) return refusalResponse(result);
  return NextResponse.json({
    status: "checked_in",
    ...ticketJson(result.ticket),
    checked_in_at: formatIsoInZone(result.checkedInAt, config().TIME_ZONE),
    checked_in_by: result.checkedInById,
    admission_id: result.admission.id,
    seats_admitted: result.admission.seats,
    source,
  });
}
