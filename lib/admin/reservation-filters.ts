import { z } from "zod";
import { lineText, rowId } from "@/lib/validation/text";

export const RESERVATION_STATUSES = ["pending", "confirmed", "cancelled", "expired"] as const;

/** The query string of the reservations table; a malformed value is ignored, not an error. */
export const reservationFilters = z.object({
  performance: z.coerce.number().pipe(rowId).optional().catch(undefined),
  status: z.enum(RESERVATION_STATUSES).optional().catch(undefined),
  q: lineText().trim().max(200).optional().catch(undefined),
  /** A performance day, "YYYY-MM-DD" in the theatre's time zone. */
  date: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .optional()
    .catch(undefined),
  page: z.coerce.number().int().min(1).max(100_000).catch(1).default(1),
});

export type ReservationFilters = z.output<typeof reservationFilters>;
