import type { PrismaClient } from "@/lib/db";
import { queueHolderEmails } from "@/lib/audience/holder-emails";
import type { TokenSettings } from "@/lib/reservations/token-settings";
import { addDays, addHours } from "@/lib/time";

export type ReminderSettings = {
  /** The hour (0-23, REMINDER_HOUR) in `timeZone` reminders go out. */
  hour: number;
  timeZone: string;
};

/**
 * Reminders (the `send_reminders` job, every 15 minutes): every confirmed party gets one
 * email with a ticket link, the time, the place and the venue's notes, at `hour` on the
 * day before the performance (in `timeZone`) — or, for a booking confirmed after that,
 * at `hour` on the day itself (a booking confirmed later still gets none: its ticket
 * email has just arrived). Cancelled performances, performances already started and
 * visitors who asked for no more reminders get none.
 *
 * Exactly once: one statement marks the due reservations (`reminder_sent_at`, only where
 * it is still empty) and the emails are queued for the rows it marked, in the same
 * transaction. A second run, or a second runner at the same moment, finds nothing left
 * to mark. Returns how many reminders were queued.
 */
export async function sendReminders({
  db,
  settings,
  tokenSettings,
  now = new Date(),
}: {
  db: PrismaClient;
  settings: ReminderSettings;
  tokenSettings: TokenSettings;
  now?: Date;
}): Promise<number> {
  // Performances whose day-before reminder time may have come: tomorrow's and today's.
  const performances = await db.$queryRaw<{ id: number; starts_at: Date }[]>`
    SELECT p.id, p.starts_at FROM performances p
    WHERE p.cancelled_at IS NULL AND p.starts_at > ${now}
      AND p.starts_at < ${addDays(now, 2)}
      AND EXISTS (SELECT 1 FROM reservations r WHERE r.performance_id = p.id
                  AND r.status = 'confirmed' AND r.reminder_sent_at IS NULL)`;
  let queued = 0;
  for (const performance of performances) {
    queued += await db.$transaction(async (tx) => {
      const due = await tx.$queryRaw<{ id: number }[]>`
        WITH times AS (
          SELECT p.id,
                 (((p.starts_at AT TIME ZONE ${settings.timeZone})::date - 1)
                    + make_time(${settings.hour}::int, 0, 0)) AT TIME ZONE ${settings.timeZone} AS day_before,
                 (((p.starts_at AT TIME ZONE ${settings.timeZone})::date)
                    + make_time(${settings.hour}::int, 0, 0)) AT TIME ZONE ${settings.timeZone} AS on_the_day
          FROM performances p WHERE p.id = ${performance.id}
        )
        UPDATE reservations r SET reminder_sent_at = ${now}
        FROM times
        WHERE r.performance_id = times.id AND r.status = 'confirmed'
          AND r.reminder_sent_at IS NULL AND r.messages_opt_out_at IS NULL AND r.email <> ''
          AND (
            (COALESCE(r.confirmed_at, r.created_at) < times.day_before AND ${now} >= times.day_before)
            OR (COALESCE(r.confirmed_at, r.created_at) >= times.day_before
                AND COALESCE(r.confirmed_at, r.created_at) < times.on_the_day
                AND ${now} >= times.on_the_day)
          )
        RETURNING r.id`;
      return queueHolderEmails(tx, {
        kind: "reminder",
        reservationIds: due.map((row) => row.id),
        unsubscribe: true,
        unsubscribeExpiresAt: addDays(performance.starts_at, 1),
        ticketExpiresAt: addHours(performance.starts_at, tokenSettings.checkInWindowHours),
        now,
      });
    });
  }
  return queued;
}
