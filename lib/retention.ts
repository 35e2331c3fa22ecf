import type { Db } from "@/lib/db";
import { addDays } from "@/lib/time";

/**
 * Erases the personal data (name, email, phone, notes) of reservations whose performance
 * started more than `retentionDays` ago, and deletes their tokens. Status, party size and
 * check-ins stay, so attendance counts survive. Returns how many reservations were erased.
 */
export async function purgePersonalData({
  db,
  retentionDays,
  now = new Date(),
}: {
  db: Db;
  retentionDays: number;
  now?: Date;
}): Promise<number> {
  const cutoff = addDays(now, -retentionDays);
  const where = { anonymizedAt: null, performance: { startsAt: { lt: cutoff } } };
  await db.reservationToken.deleteMany({ where: { reservation: where } });
  const { count } = await db.reservation.updateMany({
    where,
    data: { name: "", email: "", phone: "", notes: "", anonymizedAt: now },
  });
  return count;
}

/** Deletes rate-limit counters whose window has passed (the store keeps `expire` in epoch ms). */
export async function deleteExpiredRateLimits({
  db,
  now = new Date(),
}: {
  db: Db;
  now?: Date;
}): Promise<number> {
  const { count } = await db.rateLimit.deleteMany({
    where: { expire: { lt: BigInt(now.getTime()) } },
  });
  return count;
}
