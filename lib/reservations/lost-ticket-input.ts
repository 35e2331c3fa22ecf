import { z } from "zod";

/** "Lost your ticket?": the address the visitor booked with. */
export const lostTicketInput = z.strictObject({
  email: z.string().trim().max(254).pipe(z.email()),
});
