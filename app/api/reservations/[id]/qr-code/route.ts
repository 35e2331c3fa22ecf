import { parsePublicId } from "@/lib/catalog/catalog-json";
import { db } from "@/lib/db";
import { problem } from "@/web/http/api-response";
import { findTicket } from "@/lib/reservations/find-ticket";
import { ticketQrDataUrl } from "@/lib/reservations/ticket-qr";

export const dynamic = "force-dynamic";

/**
 * The ticket's QR image for its holder. The raw check-in token is the credential and
 * travels as `Authorization: Bearer`, never in the URL: a reservation id alone opens nothing.
 */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const reservationId = parsePublicId((await params).id);
  if (reservationId === null) return problem(404, "not_found", "No reservation has this id.");
  const token = /^Bearer\s+(\S+)$/i.exec(request.headers.get("authorization") ?? "")?.[1];
  const ticket = token ? await findTicket({ db, token }) : null;

  if (!ticket || ticket.reservationId !== reservationId) {
    const exists = await db.reservation.count({ where: { id: reservationId } });
    if (!exists) return problem(404, "not_found", "No reservation has this id.");
    return problem(403, "forbidden", "Send this reservation's ticket token as a Bearer token.");
  }
  if (ticket.state === "not_confirmed" || ticket.state === "cancelled") {
    return problem(409, "reservation_not_confirmed", "This reservation is not confirmed.");
  }
  return Response.json(
    { reservation_id: reservationId, qr_code_image: ticketQrDataUrl(token!), printable: true },
    { headers: { "Cache-Control": "private, no-store" } },
  );
}
