import { parsePublicId } from "@/lib/catalog/catalog-json";
import { config } from "@/lib/config";
import { db } from "@/lib/db";
import { problem, readJsonBody, tooManyRequests } from "@/web/http/api-response";
import { clientAddress } from "@/web/http/client-address";
import { OUTCOME_HTTP_STATUS } from "@/web/http/outcomes";
import { crossSiteRefusal } from "@/web/http/same-origin";
import { requestLocale } from "@/web/i18n/request-locale";
import { consumeRateLimit } from "@/lib/rate-limit";
import { bookPerformance } from "@/lib/reservations/book-performance";
import { bookingInput } from "@/lib/reservations/booking-input";
import { tokenSettings } from "@/web/settings";

export const dynamic = "force-dynamic";

const REFUSAL_DETAIL = {
  performance_not_found: "No public performance has this id.",
  booking_closed: "Booking is closed for this performance.",
  insufficient_seats: "Not enough seats are left for this party.",
} as const;

export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const refused = crossSiteRefusal(request);
  if (refused) return refused;
  const performanceId = parsePublicId((await params).id);
  if (performanceId === null)
    return problem(404, "performance_not_found", REFUSAL_DETAIL.performance_not_found);

  const limit = await consumeRateLimit("booking", clientAddress(request.headers));
  if (!limit.ok) return tooManyRequests(limit);

  const body = await readJsonBody(request, bookingInput(config().MAX_PARTY_SIZE));
  if (!body.ok) return body.response;

  const result = await bookPerformance({
    db,
    performanceId,
    input: body.data,
    locale: requestLocale(request),
    settings: tokenSettings(),
  });
  if (!result.ok) {
    const extra =
      result.reason === "insufficient_seats" ? { available_seats: result.availableSeats } : {};
    return problem(
      OUTCOME_HTTP_STATUS[result.reason],
      result.reason,
      REFUSAL_DETAIL[result.reason],
      extra,
    );
  }
  return Response.json(
    {
      id: result.reservationId,
      status: "pending",
      performance: performanceId,
      party_size: body.data.party_size,
      // Queued in the booking's transaction; the job runner delivers it after this response.
      email_queued: true,
      message:
        "Reservation created. The confirmation email is on its way: open its link to confirm.",
    },
    { status: 201 },
  );
}
