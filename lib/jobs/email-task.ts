import type { JobHelpers } from "graphile-worker";
import type { Db } from "@/lib/db";
import {
  emailTokenKey,
  type EmailKind,
  type ReservationEmailKind,
  type SendEmailPayload,
  type WaitlistEmailKind,
} from "@/lib/mail/email-queue";
import { composeWaitlistEmail } from "@/lib/waitlist/waitlist-emails";
import { composeHolderEmail } from "@/lib/audience/holder-mail";
import { isHolderKind } from "@/lib/audience/holder-emails";

import { logMailFailure } from "@/lib/mail/log-mail-failure";
import {
  composeReservationEmail,
  NothingToSend,
  type MailContext,
} from "@/lib/reservations/reservation-emails";
import { openToken } from "@/lib/mail/sealed-token";
import { MailDeliveryError, type MailTransport } from "@/lib/mail/transport";

/** graphile-worker's delay before the next attempt: exp(min(attempts, 10)) seconds. */
export function retryDelaySeconds(attempts: number): number {
  return Math.exp(Math.min(attempts, 10));
}

function reasonCode(error: unknown): string {
  if (error instanceof MailDeliveryError) return error.code.slice(0, 64);
  if (error instanceof Error && /timeout/i.test(error.name)) return "timeout";
  return "error";
}

/** The idempotency key of every attempt of one delivery (Resend's header, the mailbox's file name). */
export function deliveryKey(deliveryId: number): string {
  return `azionelab-email-${deliveryId}`;
}

/**
 * Delivers one queued email (`send_email` job). The delivery row says whether an earlier
 * attempt already got through (then nothing is sent again); the transport is given the
 * delivery's idempotency key for the window between the provider's acceptance and the
 * `sent` mark. A transient failure records `retrying` with the next attempt's time and
 * rethrows, so graphile-worker retries with its exponential backoff; a permanent one (or
 * the last attempt) records `failed` with a reason code and completes the job, so it is
 * not retried. Logs carry the delivery and reservation ids and the code, never the
 * address or the link.
 */
export function sendEmailTask({
  db,
  transport,
  context,
}: {
  db: Db;
  transport: () => MailTransport;
  context: () => MailContext;
}) {
  return async (rawPayload: unknown, helpers: JobHelpers): Promise<void> => {
    const payload = rawPayload as SendEmailPayload;
    const delivery = await db.emailDelivery.findUnique({
      where: { id: payload.delivery_id },
      select: {
        id: true,
        reservationId: true,
        waitlistEntryId: true,
        messageId: true,
        kind: true,
        status: true,
        createdAt: true,
      },
    });
    if (!delivery || delivery.status === "sent" || delivery.status === "skipped") return;
    const { attempts, max_attempts: maxAttempts } = helpers.job;
    const kind = delivery.kind as EmailKind;
    // Logs name the reservation, or the waiting-list entry (as a negative id: never mixed up).
    const ownerId = delivery.reservationId ?? -(delivery.waitlistEntryId ?? 0);

    const record = (data: {
      status: "sent" | "retrying" | "failed" | "skipped";
      lastError?: string | null;
      nextAttemptAt?: Date | null;
      sentAt?: Date | null;
    }) =>
      db.emailDelivery.update({
        where: { id: delivery.id },
        data: { attempts, nextAttemptAt: null, updatedAt: new Date(), ...data },
      });

    let rawToken: string | null = null;
    if (payload.token) {
      rawToken = openToken(payload.token, emailTokenKey(), kind);
      if (!rawToken) {
        logMailFailure(kind, ownerId, new MailDeliveryError("token_unreadable"));
        await record({ status: "failed", lastError: "token_unreadable" });
        return;
      }
    }

    try {
      const mail =
        delivery.waitlistEntryId !== null
          ? await composeWaitlistEmail({
              db,
              kind: kind as WaitlistEmailKind,
              entryId: delivery.waitlistEntryId,
              rawToken,
              context: context(),
            })
          : isHolderKind(kind)
            ? await composeHolderEmail({
                db,
                kind,
                reservationId: delivery.reservationId ?? 0,
                sealedContent: rawToken,
                messageId: delivery.messageId,
                context: context(),
              })
            : await composeReservationEmail({
                db,
                kind: kind as ReservationEmailKind,
                reservationId: delivery.reservationId ?? 0,
                rawToken,
                context: context(),
              });
      await transport()(mail, {
        idempotencyKey: deliveryKey(delivery.id),
        queuedAt: delivery.createdAt,
      });
    } catch (error) {
      if (error instanceof NothingToSend) {
        await record({ status: "skipped", lastError: error.code });
        return;
      }
      const code = reasonCode(error);
      logMailFailure(kind, ownerId, new MailDeliveryError(code));
      const permanent = error instanceof MailDeliveryError && error.permanent;
      if (permanent || attempts >= maxAttempts) {
        await record({ status: "failed", lastError: code });
        return;
      }
      await record({
        status: "retrying",
        lastError: code,
        nextAttemptAt: new Date(Date.now() + retryDelaySeconds(attempts) * 1000),
      });
      throw error instanceof MailDeliveryError ? error : new MailDeliveryError(code);
    }
    await record({ status: "sent", lastError: null, sentAt: new Date() });
  };
}
