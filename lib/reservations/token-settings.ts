/**
 * The settings that decide when a reservation's links stop working (PRODUCT.md §3):
 * a confirmation link `confirmationTtlHours` after it was sent or at curtain time,
 * whichever is first; a ticket `checkInWindowHours` after the start. The rule itself
 * is the database function `token_expires_at`.
 */
export type TokenSettings = { confirmationTtlHours: number; checkInWindowHours: number };
