import type { Prisma } from "@/lib/generated/prisma/client";

/** A published performance as a visitor's booking or waiting-list request sees it. */
export type BookablePerformance = {
  startsAt: Date;
  bookingEnabled: boolean;
  cancelled: boolean;
  availableSeats: number;
};

/**
 * The one read behind a visitor's booking and a waiting-list join: start, whether online
 * booking is on, whether the theatre cancelled it, and the seats left
 * (`performance_availability`). Null for an unknown performance or an unpublished show.
 */
export async function readBookablePerformance(
  tx: Prisma.TransactionClient,
  performanceId: number,
): Promise<BookablePerformance | null> {
  const [row] = await tx.$queryRaw<
    { starts_at: Date; is_booking_enabled: boolean; cancelled: boolean; available_seats: number }[]
  >`
    SELECT p.starts_at, p.is_booking_enabled, p.cancelled_at IS NOT NULL AS cancelled,
           a.available_seats
    FROM performances p
    JOIN shows s ON s.id = p.show_id AND s.is_published
    JOIN performance_availability a ON a.performance_id = p.id
    WHERE p.id = ${performanceId}`;
  return row
    ? {
        startsAt: row.starts_at,
        bookingEnabled: row.is_booking_enabled,
        cancelled: row.cancelled,
        availableSeats: row.available_seats,
      }
    : null;
}
