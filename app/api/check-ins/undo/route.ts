import { NextResponse } from "next/server";
import { readCheckInRequest } from "@/app/api/check-ins/check-in-response";
import { undoCheckInRequest } from "@/lib/check-ins/check-in-request";
import { undoCheckIn } from "@/lib/check-ins/undo-check-in";
import { config } from "@/lib/config";
import { db } from "@/lib/db";
import { problem } from "@/web/http/api-response";
import { OUTCOME_HTTP_STATUS } from "@/web/http/outcomes";

const DETAIL = {
  not_found: "No such admission.",
  already_undone: "This admission was already undone.",
  undo_window_closed: "Too late for staff to undo this admission; ask an admin.",
} as const;

/** Takes back one admission: staff within CHECKIN_UNDO_MINUTES, admins any time; audited. */
export async function POST(request: Request) {
  const checked = await readCheckInRequest(request, undoCheckInRequest);
  if (!checked.ok) return checked.response;
  const result = await undoCheckIn({
    db,
    admissionId: checked.body.admission_id,
    actor: checked.user,
    isAdmin: checked.user.role === "ADMIN",
    staffUndoMinutes: config().CHECKIN_UNDO_MINUTES,
  });
  if (!result.ok)
    return problem(OUTCOME_HTTP_STATUS[result.reason], result.reason, DETAIL[result.reason]);
  return NextResponse.json({
    status: "undone",
    reservation_id: result.reservationId,
    seats_undone: result.seats,
    seats_in: result.seatsIn,
  });
}
