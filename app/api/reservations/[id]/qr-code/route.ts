import { parsePublicId } from "@/lib/catalog/catalog-json";
import { db } from "@/lib/db";
import { problem } from "@/web/http/api-response";
import { findTicket } from "@/lib/reservations/find-ticket";
import { ticketQrDataUrl } from "@/lib/reservations/ticket-qr";

export const dynamic = "force-dynamic";

/**
 * The ticket's QR image for its holder. The raw check-in token is the credential and
 * travels as `Authorization: Bearer`, never in the URL: a reservation id alone opens nothing.
 *
 * Without a live token for this very reservation the answer is always the same 403 —
 * missing id, someone else's token, an expired, revoked or cancelled ticket alike — so
 * the endpoint tells nobody which ids exist or what became of them.
 */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const reservationId = parsePublicId((await params).id);
  // Not an id at all (`abc`, `1.5`, `%00`): no reservation could have it.
  if (reservationId === null) return problem(404, "not_found", "No reservation has this id.");
  const token = /^Bearer\s+(\S+)$/i.exec(request.headers.get("authorization") ?? "")?.[1];
  const ticket = token ? await findTicket({ db, token }) : null;

  if (
    !token ||
    !ticket ||
    ticket.reservationId !== reservationId ||
    !ticket.live ||
    (ticket.state !== "valid" && ticket.state !== "checked_in")
  ) {
    return problem(
      403,
      "forbidden",
      "Send this reservation's valid ticket token as a Bearer token.",
    );
  }
  // The holder's own ticket, already used at the door: no code to show again.
  if (ticket.state === "checked_in") {
    return problem(409, "already_checked_in", "This ticket has already been used at the door.");
  }
  return Response.json(
    { reservation_id: reservationId, qr_code_image: ticketQrDataUrl(token), printable: true },
    { headers: { "Cache-Control": "private, no-store" } },
  );
}
