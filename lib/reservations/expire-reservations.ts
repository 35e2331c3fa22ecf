import type { Db } from "@/lib/db";

/**
 * Marks as `expired` the pending reservations that can no longer be confirmed: no
 * confirmation token of theirs is unused, unrevoked and unexpired. Returns how many.
 * Pending rows hold no seats, so this is bookkeeping, not a capacity rule; the job
 * runner's cron runs it every minute (lib/jobs/runner.ts), and retention:purge too.
 * Idempotent: two runners at once update each row once.
 */
export async function expireReservations({
  db,
  now = new Date(),
}: {
  db: Db;
  now?: Date;
}): Promise<number> {
  return db.$executeRaw`
    UPDATE reservations r SET status = 'expired', updated_at = ${now}
    WHERE r.status = 'pending'
      AND NOT EXISTS (
        SELECT 1 FROM reservation_tokens t
        WHERE t.reservation_id = r.id AND t.purpose = 'confirmation'
          AND t.used_at IS NULL AND t.revoked_at IS NULL AND t.expires_at > ${now}
      )`;
}
