import type { Db } from "@/lib/db";
import { addDays } from "@/lib/time";

/**
 * Erases the personal data (name, email, phone, notes) of reservations whose performance
 * started more than `retentionDays` ago, and deletes their tokens; the same for waiting-list
 * entries (name, email, links). Status, party size and check-ins stay, so attendance
 * counts survive. Returns how many reservations were erased.
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
  // Waiting-list entries follow the same rule: name and email erased, links deleted.
  const entries = { anonymizedAt: null, performance: { startsAt: { lt: cutoff } } };
  await db.waitlistToken.deleteMany({ where: { entry: entries } });
  await db.waitlistEntry.updateMany({
    where: entries,
    data: { name: "", email: "", anonymizedAt: now },
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
