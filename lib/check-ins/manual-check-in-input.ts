import { z } from "zod";

/** The lost-ticket form: the reservation number an admin reads from the reservations list. */
export const manualCheckInInput = z.strictObject({
  reservation_id: z.coerce.number().int().positive().max(2_147_483_647),
});
