import { writeAudit, type Actor } from "@/lib/audit/audit-log";
import type { PrismaClient } from "@/lib/db";
import { holdersOf, queueHolderEmails } from "@/lib/audience/holder-emails";
import type { HolderMessage } from "@/lib/audience/message-input";
import { addDays } from "@/lib/time";
import { lockPerformanceRow } from "@/lib/reservations/lock-performance";

export type MessageHoldersResult =
  | { ok: true; messageId: number; recipients: number }
  | { ok: false; reason: "not_found" | "no_recipients" };

/**
 * An admin's message to every confirmed holder of a performance (those who asked for no
 * more messages excepted): subject and text in Italian and, optionally, English; each
 * visitor gets the language they booked in (Italian where no English was written). One
 * transaction: the message row, one email job per holder, the audit entry with the count.
 */
export async function messageHolders({
  db,
  actor,
  performanceId,
  message,
  now = new Date(),
}: {
  db: PrismaClient;
  actor: Actor;
  performanceId: number;
  message: HolderMessage;
  now?: Date;
}): Promise<MessageHoldersResult> {
  return db.$transaction(async (tx) => {
    if (!(await lockPerformanceRow(tx, performanceId)))
      return { ok: false, reason: "not_found" } as const;
    const performance = await tx.performance.findUniqueOrThrow({
      where: { id: performanceId },
      select: { startsAt: true },
    });
    const holders = await holdersOf(tx, performanceId, { pending: false, now, optedOut: false });
    if (holders.length === 0) return { ok: false, reason: "no_recipients" } as const;
    const row = await tx.performanceMessage.create({
      data: {
        performanceId,
        kind: "message",
        subject: message.subject,
        body: message.body,
        subjectEn: message.subjectEn,
        bodyEn: message.bodyEn,
        recipients: holders.length,
        createdById: actor.id,
        createdAt: now,
      },
      select: { id: true },
    });
    await queueHolderEmails(tx, {
      kind: "message",
      reservationIds: holders,
      messageId: row.id,
      unsubscribe: true,
      unsubscribeExpiresAt: addDays(performance.startsAt, 1),
      now,
    });
    await writeAudit(tx, actor, {
      action: "performance.message",
      entityType: "performance",
      entityId: performanceId,
      summary: `message "${message.subject.slice(0, 120)}" queued to ${holders.length} holders`,
    });
    return { ok: true, messageId: row.id, recipients: holders.length } as const;
  });
}

/**
 * Tells the holders (confirmed, and pending with a live link) that the time or venue
 * changed, in the caller's transaction (the admin's save, which asked whether to). The
 * email shows the performance as it is now. Returns how many were queued.
 */
export async function queueChangeNotice(
  tx: Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0],
  { actor, performanceId, now }: { actor: Actor; performanceId: number; now: Date },
): Promise<number> {
  const performance = await tx.performance.findUniqueOrThrow({
    where: { id: performanceId },
    select: { startsAt: true },
  });
  const holders = await holdersOf(tx, performanceId, { pending: true, now, optedOut: false });
  const row = await tx.performanceMessage.create({
    data: {
      performanceId,
      kind: "change",
      recipients: holders.length,
      createdById: actor.id,
      createdAt: now,
    },
    select: { id: true },
  });
  const queued = await queueHolderEmails(tx, {
    kind: "performance_changed",
    reservationIds: holders,
    messageId: row.id,
    unsubscribe: true,
    unsubscribeExpiresAt: addDays(performance.startsAt, 1),
    now,
  });
  await writeAudit(tx, actor, {
    action: "performance.change_notice",
    entityType: "performance",
    entityId: performanceId,
    summary: `change of time or venue: notice queued to ${queued} holders`,
  });
  return queued;
}
