import { z } from "zod";
import { config } from "@/lib/config";
import { db } from "@/lib/db";
import { problem, readJsonBody, tooManyRequests } from "@/web/http/api-response";
import { clientAddress } from "@/web/http/client-address";
import { contractStatus, OUTCOME_HTTP_STATUS } from "@/web/http/outcomes";
import { crossSiteRefusal } from "@/web/http/same-origin";
import { consumeRateLimit } from "@/lib/rate-limit";
import { confirmReservation } from "@/lib/reservations/confirm-reservation";
import { ticketUrl } from "@/lib/reservations/ticket-qr";
import { isWellFormedToken } from "@/lib/tokens";
import { tokenSettings } from "@/web/settings";

export const dynamic = "force-dynamic";

const confirmInput = z.strictObject({
  token: z.string({ error: "required" }).trim().refine(isWellFormedToken, "malformed_token"),
});

const DETAIL = {
  token_not_found: "This confirmation link is not valid.",
  already_confirmed: "This reservation is already confirmed: the ticket is in your email.",
  reservation_cancelled: "This reservation was cancelled.",
  token_replaced: "A newer confirmation link replaced this one: use the latest email.",
  booking_closed: "Booking for this performance is closed.",
  already_booked:
    "You already have a confirmed reservation for this performance: the ticket is in your email.",
  insufficient_seats: "Not enough seats are left to confirm this reservation.",
  token_expired: "This confirmation link has expired.",
} as const;

export async function POST(request: Request) {
  const refused = crossSiteRefusal(request);
  if (refused) return refused;
  const limit = await consumeRateLimit("confirm", clientAddress(request.headers));
  if (!limit.ok) return tooManyRequests(limit);

  const body = await readJsonBody(request, confirmInput);
  if (!body.ok) return body.response;

  const result = await confirmReservation({
    db,
    token: body.data.token,
    settings: tokenSettings(),
  });
  if (!result.ok)
    return problem(
      OUTCOME_HTTP_STATUS[result.reason],
      contractStatus(result.reason),
      DETAIL[result.reason],
    );

  const { APP_URL } = config();
  return Response.json(
    {
      reservation_id: result.reservationId,
      status: "confirmed",
      party_size: result.partySize,
      qr_code_url: `${APP_URL}/api/reservations/${result.reservationId}/qr-code`,
      ticket_url: ticketUrl(APP_URL, result.checkInToken),
      // The ticket email is queued with the confirmation and follows in a moment.
      ticket_email_queued: true,
    },
    { headers: { "Cache-Control": "no-store" } },
  );
}
