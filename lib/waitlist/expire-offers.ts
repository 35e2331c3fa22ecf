import type { PrismaClient } from "@/lib/db";
import { queueWaitlistEmail } from "@/lib/mail/email-queue";
import { lockPerformanceRow } from "@/lib/reservations/lock-performance";
import { offerFreeSeats } from "@/lib/waitlist/offer-seats";
import type { WaitlistSettings } from "@/lib/waitlist/waitlist-settings";

/**
 * The waiting list's scheduled pass (every minute, lib/jobs/runner.ts), one transaction
 * per performance under its lock:
 * - offers that ran out become `lapsed` (the visitor is told) and their seats go to the
 *   next entries in line. The update only touches entries still `offered` with a past
 *   deadline, and runs under the lock, so two runners at once pass an offer on exactly
 *   once: the second finds nothing left to lapse and no seat free.
 * - seats free while someone fitting waits (a change no transaction offered, e.g. a
 *   capacity raised by a tool outside the app) are offered.
 * - entries of performances that started or were cancelled are closed (no email: the
 *   cancellation notice is sent by the cancellation itself).
 * Returns how many offers lapsed.
 */
export async function expireWaitlistOffers({
  db,
  settings,
  now = new Date(),
  lock = true,
}: {
  db: PrismaClient;
  settings: WaitlistSettings;
  now?: Date;
  /** false only in the control runs of the concurrency tests. */
  lock?: boolean;
}): Promise<number> {
  await db.$executeRaw`
    UPDATE waitlist_entries w SET status = 'closed', ended_at = ${now}, updated_at = ${now}
    FROM performances p
    WHERE p.id = w.performance_id AND w.status IN ('unconfirmed', 'waiting')
      AND (p.starts_at <= ${now} OR p.cancelled_at IS NOT NULL)`;
  const performances = await db.$queryRaw<{ performance_id: number }[]>`
    SELECT DISTINCT w.performance_id FROM waitlist_entries w
    WHERE w.status = 'offered' AND w.offer_expires_at <= ${now}
    UNION
    SELECT w.performance_id FROM waitlist_entries w
    JOIN performance_availability a ON a.performance_id = w.performance_id
    WHERE w.status = 'waiting' AND w.party_size <= a.available_seats`;
  let lapsed = 0;
  for (const { performance_id: performanceId } of performances) {
    lapsed += await db.$transaction(async (tx) => {
      await lockPerformanceRow(tx, performanceId, { lock });
      const ended = await tx.$queryRaw<{ id: number }[]>`
        UPDATE waitlist_entries SET status = 'lapsed', ended_at = ${now}, updated_at = ${now}
        WHERE performance_id = ${performanceId} AND status = 'offered' AND offer_expires_at <= ${now}
        RETURNING id`;
      // Once the performance has started (an offer never runs past it) or was cancelled,
      // "join again" makes no sense: the offer just ends.
      const [still] = await tx.$queryRaw<{ live: boolean }[]>`
        SELECT starts_at > ${now} AND cancelled_at IS NULL AS live
        FROM performances WHERE id = ${performanceId}`;
      for (const { id } of ended) {
        await tx.waitlistToken.updateMany({
          where: { entryId: id, usedAt: null, revokedAt: null },
          data: { revokedAt: now },
        });
        if (still?.live) await queueWaitlistEmail(tx, { kind: "waitlist_lapsed", entryId: id });
      }
      await offerFreeSeats(tx, { performanceId, settings, now });
      return ended.length;
    });
  }
  return lapsed;
}
