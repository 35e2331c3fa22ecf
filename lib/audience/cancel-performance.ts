import { writeAudit, type Actor } from "@/lib/audit/audit-log";
import type { PrismaClient } from "@/lib/db";
import { queueWaitlistEmail } from "@/lib/mail/email-queue";
import { holdersOf, queueHolderEmails } from "@/lib/audience/holder-emails";
import { lockPerformanceRow } from "@/lib/reservations/lock-performance";

export type CancelPerformanceResult =
  | { ok: true; messageId: number; holders: number; waitlist: number }
  | { ok: false; reason: "not_found" | "already_cancelled" };

/**
 * Calls a performance off, in one transaction under its lock: from then on the public
 * site shows it cancelled, no booking, confirmation or offer goes through and the door
 * refuses its tickets with that reason. Every confirmed holder and every pending one
 * (whose link still works) gets the cancellation notice — whatever they said about
 * reminders and messages — and every waiting-list entry still open is closed and told.
 * The emails are jobs created in this transaction; the send is recorded (a
 * `performance_messages` row with its count, for /admin) and audited with the count.
 */
export async function cancelPerformance({
  db,
  actor,
  performanceId,
  note = "",
  now = new Date(),
}: {
  db: PrismaClient;
  actor: Actor;
  performanceId: number;
  /** An optional word to the audience, in the notice (Italian; English when given). */
  note?: string;
  now?: Date;
}): Promise<CancelPerformanceResult> {
  return db.$transaction(async (tx) => {
    if (!(await lockPerformanceRow(tx, performanceId)))
      return { ok: false, reason: "not_found" } as const;
    const performance = await tx.performance.findUniqueOrThrow({
      where: { id: performanceId },
      select: { cancelledAt: true, startsAt: true, show: { select: { title: true } } },
    });
    if (performance.cancelledAt) return { ok: false, reason: "already_cancelled" } as const;
    await tx.performance.update({ where: { id: performanceId }, data: { cancelledAt: now } });

    const holders = await holdersOf(tx, performanceId, { pending: true, now });
    const message = await tx.performanceMessage.create({
      data: {
        performanceId,
        kind: "cancellation",
        body: note,
        recipients: holders.length,
        createdById: actor.id,
        createdAt: now,
      },
      select: { id: true },
    });
    await queueHolderEmails(tx, {
      kind: "performance_cancelled",
      reservationIds: holders,
      messageId: message.id,
      unsubscribe: false,
      unsubscribeExpiresAt: now,
      now,
    });

    const entries = await tx.waitlistEntry.findMany({
      where: { performanceId, status: { in: ["unconfirmed", "waiting", "offered"] } },
      select: { id: true, status: true },
    });
    await tx.waitlistEntry.updateMany({
      where: { id: { in: entries.map((entry) => entry.id) } },
      data: { status: "closed", endedAt: now, updatedAt: now },
    });
    await tx.waitlistToken.updateMany({
      where: { entryId: { in: entries.map((entry) => entry.id) }, usedAt: null, revokedAt: null },
      data: { revokedAt: now },
    });
    // An unconfirmed entry never confirmed its address: it is not written to.
    const told = entries.filter((entry) => entry.status !== "unconfirmed");
    for (const entry of told)
      await queueWaitlistEmail(tx, { kind: "waitlist_closed", entryId: entry.id });

    await writeAudit(tx, actor, {
      action: "performance.cancel",
      entityType: "performance",
      entityId: performanceId,
      summary: `${performance.show.title}: cancelled; notice queued to ${holders.length} holders and ${told.length} waiting-list entries`,
    });
    return {
      ok: true,
      messageId: message.id,
      holders: holders.length,
      waitlist: told.length,
    } as const;
  });
}
