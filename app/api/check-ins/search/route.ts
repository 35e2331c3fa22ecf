import { NextResponse } from "next/server";
import { authorizeRequestWithinLimit } from "@/web/auth/guards";
import { doorSearchQuery } from "@/lib/check-ins/check-in-request";
import { searchDoorReservations } from "@/lib/check-ins/door-search";
import { db } from "@/lib/db";
import { fieldErrorsResponse } from "@/web/http/api-response";

/** Staff only, rate-limited: the performance's confirmed reservations matching a name or code. */
export async function GET(request: Request) {
  const auth = await authorizeRequestWithinLimit("staff", "door_search");
  if (!auth.ok) return auth.response;
  const query = doorSearchQuery.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!query.success) return fieldErrorsResponse(query.error);
  const hits = await searchDoorReservations({
    db,
    performanceId: query.data.performance_id,
    query: query.data.q,
  });
  return NextResponse.json(
    {
      results: hits.map((hit) => ({
        reservation_id: hit.reservationId,
        name: hit.name,
        party_size: hit.partySize,
        seats_in: hit.seatsIn,
        booking_code: hit.bookingCode,
      })),
    },
    { headers: { "Cache-Control": "no-store" } },
  );
}
