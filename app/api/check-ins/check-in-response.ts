import type { z } from "zod";
import type { CheckInRefusal, TicketSummary } from "@/lib/check-ins/check-in";
import { config } from "@/lib/config";
import { problem, readJsonBody } from "@/web/http/api-response";
import { contractStatus, OUTCOME_HTTP_STATUS } from "@/web/http/outcomes";
import { crossSiteRefusal } from "@/web/http/same-origin";
import { authorizeRequestWithinLimit } from "@/web/auth/guards";
import type { SignedInUser } from "@/web/auth/current-user";
import type { RateLimitName } from "@/lib/rate-limit";
import { formatIsoInZone } from "@/lib/time";

/**
 * The gate the check-in endpoints pass: same-origin (they are cookie-authenticated),
 * a staff or admin session, the per-user rate limit, then a strict JSON body.
 */
export async function readCheckInRequest<T extends z.ZodType>(
  request: Request,
  schema: T,
  limitName: RateLimitName = "check_in",
): Promise<{ ok: true; user: SignedInUser; body: z.infer<T> } | { ok: false; response: Response }> {
  const crossSite = crossSiteRefusal(request);
  if (crossSite) return { ok: false, response: crossSite };
  const auth = await authorizeRequestWithinLimit("staff", limitName);
  if (!auth.ok) return auth;
  const body = await readJsonBody(request, schema);
  if (!body.ok) return body;
  return { ok: true, user: auth.user, body: body.data };
}

/** The door's window from the configuration; `override` when staff chose to admit early. */
export function doorWindow(override = false) {
  return { doorsOpenMinutesBefore: config().DOORS_OPEN_MINUTES_BEFORE, override };
}

/**
 * What staff see of a ticket: the contract's fields, plus what the door needs to greet
 * and seat the party (name, notes, accessibility flag, seats already in). Never the
 * email or phone.
 */
export function ticketJson(ticket: TicketSummary) {
  return {
    reservation_id: ticket.reservationId,
    performance_id: ticket.performanceId,
    show_title: ticket.showTitle,
    starts_at: formatIsoInZone(ticket.startsAt, config().TIME_ZONE),
    party_size: ticket.partySize,
    seats_in: ticket.seatsIn,
    booking_code: ticket.bookingCode,
    name: ticket.name,
    notes: ticket.notes,
    accessibility: ticket.accessibility,
    reservation_status: ticket.reservationStatus,
    // The latest admission still standing: what POST /api/check-ins/undo takes back.
    last_admission_id: ticket.lastAdmission?.id ?? null,
    last_admitted_at: ticket.lastAdmission
      ? formatIsoInZone(ticket.lastAdmission.at, config().TIME_ZONE)
      : null,
  };
}

/** A reservation of another performance: which one, not who (a code or id typed at the wrong door). */
function otherPerformanceJson(ticket: TicketSummary) {
  return {
    reservation_id: ticket.reservationId,
    performance_id: ticket.performanceId,
    show_title: ticket.showTitle,
    starts_at: formatIsoInZone(ticket.startsAt, config().TIME_ZONE),
    party_size: ticket.partySize,
  };
}

const REFUSAL_DETAIL: Record<CheckInRefusal["reason"], string> = {
  token_not_found: "No ticket matches this token or code.",
  wrong_performance: "This ticket is for another performance.",
  already_checked_in: "This reservation has already been checked in.",
  reservation_not_confirmed: "This reservation is not confirmed.",
  performance_cancelled: "This performance has been cancelled.",
  token_expired: "This ticket has expired.",
  doors_not_open: "The doors are not open yet for this performance; admit with override_window.",
  seats_unavailable: "Fewer seats of this party are still outside.",
};

export function refusalResponse(refusal: CheckInRefusal) {
  const zone = config().TIME_ZONE;
  const extra =
    refusal.reason === "token_not_found"
      ? {}
      : refusal.reason === "already_checked_in"
        ? {
            ...ticketJson(refusal.ticket),
            checked_in_at: formatIsoInZone(refusal.earlier.checkedInAt, zone),
            checked_in_by_name: refusal.earlier.checkedInByName,
          }
        : refusal.reason === "doors_not_open"
          ? {
              ...ticketJson(refusal.ticket),
              doors_open_at: formatIsoInZone(refusal.doorsOpenAt, zone),
            }
          : refusal.reason === "seats_unavailable"
            ? { ...ticketJson(refusal.ticket), seats_left: refusal.seatsLeft }
            : refusal.reason === "wrong_performance"
              ? otherPerformanceJson(refusal.ticket)
              : ticketJson(refusal.ticket);
  return problem(
    OUTCOME_HTTP_STATUS[refusal.reason],
    contractStatus(refusal.reason),
    REFUSAL_DETAIL[refusal.reason],
    extra,
  );
}
