import "server-only";

/**
 * Domain outcomes -> HTTP status codes of the seed's API contract, in one table.
 * Route handlers look a domain `reason` up here; pages map the same reasons to words.
 */
export const OUTCOME_HTTP_STATUS = {
  performance_not_found: 404,
  not_found: 404,
  token_not_found: 404,
  booking_closed: 409,
  insufficient_seats: 409,
  already_confirmed: 409,
  already_booked: 409,
  reservation_cancelled: 409,
  token_replaced: 409,
  reservation_not_confirmed: 409,
  performance_cancelled: 409,
  already_checked_in: 409,
  already_cancelled: 409,
  wrong_performance: 409,
  not_cancellable: 409,
  performance_started: 409,
  doors_not_open: 409,
  seats_unavailable: 409,
  undo_window_closed: 409,
  already_undone: 409,
  token_expired: 410,
} as const;

export type DomainOutcome = keyof typeof OUTCOME_HTTP_STATUS;

/** The contract's `status` string for an outcome (the seed says `expired` where we say `token_expired`). */
export function contractStatus(reason: DomainOutcome): string {
  return reason === "token_expired" ? "expired" : reason;
}
