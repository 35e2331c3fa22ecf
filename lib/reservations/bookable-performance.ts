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
 * The database function `bookable_performance` holds the query, so that the booking's
 * own function (`book_reservation`) reads the performance the same way.
 */
export async function readBookablePerformance(
  tx: Prisma.TransactionClient,
  performanceId: number,
): Promise<BookablePerformance | null> {
  const [row] = await tx.$queryRaw<
    { starts_at: Date; is_booking_enabled: boolean; cancelled: boolean; available_seats: number }[]
  >`SELECT * FROM bookable_performance(${performanceId}::int)`;
  return row
    ? {
        startsAt: row.starts_at,
        bookingEnabled: row.is_booking_enabled,
        cancelled: row.cancelled,
        availableSeats: row.available_seats,
      }
    : null;
}
