import { NextResponse } from "next/server";
import { z } from "zod";
import { authorizeRequest } from "@/web/auth/guards";
import { countDoorSeats } from "@/lib/check-ins/door-performances";
import { db } from "@/lib/db";
import { fieldErrorsResponse } from "@/web/http/api-response";
import { rowId } from "@/lib/validation/text";

const countsQuery = z.strictObject({
  performance_id: z
    .string()
    .regex(/^\d{1,10}$/)
    .transform(Number)
    .pipe(rowId),
});

/** The door's live counter: seats checked in of seats confirmed, for one performance. */
export async function GET(request: Request) {
  const auth = await authorizeRequest("staff");
  if (!auth.ok) return auth.response;
  const query = countsQuery.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!query.success) return fieldErrorsResponse(query.error);
  const counts = await countDoorSeats({ db, performanceId: query.data.performance_id });
  return NextResponse.json({
    performance_id: query.data.performance_id,
    checked_in_seats: counts.checkedInSeats,
    confirmed_seats: counts.confirmedSeats,
  });
}
