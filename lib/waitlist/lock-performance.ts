import type { Prisma } from "@/lib/generated/prisma/client";

/**
 * Locks a performance's row for the rest of the transaction. Every change that gives
 * seats out or takes them back (a confirmation, a cancellation, an offer, its booking,
 * its expiry, a capacity change) takes this lock first, so the seats it counts next are
 * the ones it may hand out. False when there is no such performance.
 *
 * `lock: false` exists only for the control runs of lib/waitlist/waitlist-concurrency.test.ts,
 * which show that without it seats are offered twice.
 */
export async function lockPerformance(
  tx: Prisma.TransactionClient,
  performanceId: number,
  lock = true,
): Promise<boolean> {
  const rows = await tx.$queryRawUnsafe<{ id: number }[]>(
    `SELECT id FROM performances WHERE id = $1${lock ? " FOR UPDATE" : ""}`,
    performanceId,
  );
  return rows.length > 0;
}
