import { z } from "zod";
import { checkbox, chosenId, seatCount } from "@/lib/admin/form-fields";

/** What a datetime-local input sends: the wall clock in the theatre's time zone. */
export const LOCAL_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/;

export const performanceInput = z
  .object({
    showId: chosenId,
    venueId: chosenId,
    startsAt: z
      .string({ error: "invalid_datetime" })
      .trim()
      .regex(LOCAL_DATE_TIME, "invalid_datetime")
      // Year 0 or 9999 is a typo, and far outside what the database and the calendar handle.
      .refine((local) => {
        const year = Number(local.slice(0, 4));
        return year >= 2000 && year < 2100;
      }, "invalid_datetime"),
    roomCapacity: seatCount,
    additionalSeats: seatCount,
    manuallyOccupiedSeats: seatCount,
    isBookingEnabled: checkbox,
    // Editing only: tell the holders when the time or venue changes (issue 18).
    notifyHolders: checkbox.optional(),
  })
  // Mirrors the database CHECK performance_manual_seats_within_capacity.
  .refine((p) => p.manuallyOccupiedSeats <= p.roomCapacity + p.additionalSeats, {
    path: ["manuallyOccupiedSeats"],
    message: "manual_seats_exceed_capacity",
  });

export type PerformanceInput = z.output<typeof performanceInput>;
