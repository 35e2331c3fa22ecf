import { writeAudit, type Actor } from "@/lib/audit/audit-log";
import type { Db, PrismaClient } from "@/lib/db";
import { queueEmail } from "@/lib/mail/email-queue";
import {
  isHolderKind,
  requeueHolderEmail,
  type HolderEmailKind,
} from "@/lib/audience/holder-emails";
import { resendReservationLink, type ResendLinkResult } from "@/lib/reservations/resend-links";
import type { TokenSettings } from "@/lib/reservations/token-settings";

const DELIVERY_SELECT = {
  id: true,
  reservationId: true,
  kind: true,
  status: true,
  attempts: true,
  lastError: true,
  nextAttemptAt: true,
  sentAt: true,
  createdAt: true,
  updatedAt: true,
} as const;

/** A reservation's emails, newest first: queued, sent, retrying (and when), failed (and why). */
export function emailHistory(db: Db, reservationId: number) {
  return db.emailDelivery.findMany({
    where: { reservationId },
    select: DELIVERY_SELECT,
    orderBy: { id: "desc" },
  });
}

export type EmailDeliveryRow = Awaited<ReturnType<typeof emailHistory>>[number];

/** Emails that will not be retried any more, newest first, with their reservation. */
export function failedEmails(db: Db, limit = 100) {
  return db.emailDelivery.findMany({
    where: { status: "failed" },
    select: {
      ...DELIVERY_SELECT,
      reservation: { select: { name: true, status: true, performanceId: true } },
      waitlistEntry: { select: { name: true, performanceId: true } },
    },
    orderBy: { updatedAt: "desc" },
    take: limit,
  });
}

export type SendAgainResult =
  ResendLinkResult | { ok: true; kind: "cancellation" } | { ok: false; reason: "not_failed" };

/**
 * "Send again" for a failed email. A link email is sent again with a new link (the raw
 * token of the failed one is gone on purpose): for a pending reservation a new
 * confirmation link, for a confirmed one a new ticket (resendReservationLink). A
 * cancellation notice is queued again as it was. Audited like any admin resend.
 */
export async function sendEmailAgain({
  db,
  deliveryId,
  settings,
  actor,
  now = new Date(),
}: {
  db: PrismaClient;
  deliveryId: number;
  settings: TokenSettings;
  actor: Actor;
  now?: Date;
}): Promise<SendAgainResult> {
  const delivery = await db.emailDelivery.findUnique({
    where: { id: deliveryId },
    select: { reservationId: true, kind: true, status: true, messageId: true },
  });
  if (!delivery) return { ok: false, reason: "not_found" };
  if (delivery.status !== "failed") return { ok: false, reason: "not_failed" };
  // Waiting-list emails are not sent again: their entry's next email follows its state.
  const reservationId = delivery.reservationId;
  if (reservationId === null) return { ok: false, reason: "not_found" };
  // A message, change notice, reminder or performance cancellation goes again as it was
  // (a reminder with a fresh ticket link): never a confirmation link or a ticket instead.
  if (isHolderKind(delivery.kind))
    return db.$transaction(async (tx) => {
      await requeueHolderEmail(tx, {
        kind: delivery.kind as HolderEmailKind,
        reservationId,
        messageId: delivery.messageId,
        tokenSettings: settings,
        now,
      });
      await writeAudit(tx, actor, {
        action: "reservation.resend_email",
        entityType: "reservation",
        entityId: reservationId,
      });
      return { ok: true, kind: "cancellation" } as const;
    });
  if (delivery.kind !== "cancellation")
    return resendReservationLink({
      db,
      reservationId,
      settings,
      actor,
      now,
    });
  return db.$transaction(async (tx) => {
    await queueEmail(tx, { kind: "cancellation", reservation: { id: reservationId } });
    await writeAudit(tx, actor, {
      action: "reservation.resend_email",
      entityType: "reservation",
      entityId: reservationId,
    });
    return { ok: true, kind: "cancellation" } as const;
  });
}
