import * as z from "zod/mini";

// zod/mini: the lost-ticket form runs it in the browser too (lib/reservations/booking-input.ts).

/** "Lost your ticket?": the address the visitor booked with. */
export const lostTicketInput = z.strictObject({
  email: z.pipe(
    z.string().check(z.trim(), z.minLength(1, "required"), z.maxLength(254, "invalid_email")),
    z.email("invalid_email"),
  ),
});
