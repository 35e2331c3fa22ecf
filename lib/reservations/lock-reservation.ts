import type { Prisma } from "@/lib/generated/prisma/client";

/**
 * Locks a reservation's row for the rest of the transaction, so that a check-in, a
 * confirmation, a cancellation or a resend of the same reservation running now finishes
 * first or waits for this one. False when there is no such reservation.
 */
export async function lockReservation(
  tx: Prisma.TransactionClient,
  reservationId: number,
): Promise<boolean> {
  const locked = await tx.$queryRaw<
    { id: number }[]
  >`SELECT id FROM reservations WHERE id = ${reservationId} FOR UPDATE`;
  return locked.length > 0;
}
