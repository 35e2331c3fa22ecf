import type { Db } from "@/lib/db";
import { EMAIL_MAX_ATTEMPTS, emailTokenKey, SEND_EMAIL_TASK } from "@/lib/mail/email-queue";
import { sealToken } from "@/lib/mail/sealed-token";
import { generateToken, hashToken } from "@/lib/tokens";

export type HolderEmailKind =
  "message" | "performance_changed" | "reminder" | "performance_cancelled";

/** Who holds seats of a performance: confirmed parties, and pending ones whose link still works. */
export async function holdersOf(
  db: Db,
  performanceId: number,
  { pending, now, optedOut = true }: { pending: boolean; now: Date; optedOut?: boolean },
): Promise<number[]> {
  const rows = await db.$queryRaw<{ id: number }[]>`
    SELECT r.id FROM reservations r
    WHERE r.performance_id = ${performanceId} AND r.email <> ''
      AND (${optedOut} OR r.messages_opt_out_at IS NULL)
      AND (r.status = 'confirmed' OR (${pending} AND r.status = 'pending' AND EXISTS (
        SELECT 1 FROM reservation_tokens t
        WHERE t.reservation_id = r.id AND t.purpose = 'confirmation'
          AND t.used_at IS NULL AND t.revoked_at IS NULL AND t.expires_at > ${now})))
    ORDER BY r.id`;
  return rows.map((row) => row.id);
}

/**
 * Queues one email per reservation, all in the caller's transaction and in two
 * statements whatever their number: the delivery rows (tied to `messageId`, so /admin can
 * count what a send delivered) and their graphile-worker jobs. With `unsubscribe`, each
 * email gets its own "no more reminders or messages" link: a token stored as its hash,
 * the raw value sealed into the job only (with a fresh ticket link for a reminder).
 * Returns how many were queued.
 */
export async function queueHolderEmails(
  db: Db,
  {
    kind,
    reservationIds,
    messageId = null,
    unsubscribe,
    unsubscribeExpiresAt,
    ticketExpiresAt,
    now,
  }: {
    kind: HolderEmailKind;
    reservationIds: number[];
    messageId?: number | null;
    unsubscribe: boolean;
    /** When the unsubscribe links stop working (after the performance). */
    unsubscribeExpiresAt: Date;
    /** Set for reminders: each email carries a fresh ticket link too (earlier QRs stay valid). */
    ticketExpiresAt?: Date;
    now: Date;
  },
): Promise<number> {
  if (reservationIds.length === 0) return 0;
  const raw = reservationIds.map(() => (unsubscribe ? generateToken() : null));
  if (unsubscribe)
    await db.reservationToken.createMany({
      data: reservationIds.map((reservationId, i) => ({
        reservationId,
        purpose: "unsubscribe" as const,
        tokenHash: hashToken(raw[i]!),
        expiresAt: unsubscribeExpiresAt,
        createdAt: now,
      })),
    });
  const tickets = reservationIds.map(() => (ticketExpiresAt ? generateToken() : null));
  if (ticketExpiresAt)
    await db.reservationToken.createMany({
      data: reservationIds.map((reservationId, i) => ({
        reservationId,
        purpose: "check_in" as const,
        tokenHash: hashToken(tickets[i]!),
        expiresAt: ticketExpiresAt,
        createdAt: now,
      })),
    });
  // One sealed value per email: "<unsubscribe>" or "<unsubscribe>.<ticket>" (base64url has no ".").
  const sealed = raw.map((token, i) =>
    token ? sealToken(tickets[i] ? `${token}.${tickets[i]}` : token, emailTokenKey(), kind) : null,
  );
  const queued = await db.$queryRaw<{ id: number }[]>`
    WITH recipients AS (
      SELECT * FROM unnest(${reservationIds}::int[], ${sealed}::text[]) AS r(reservation_id, sealed)
    ), delivery AS (
      INSERT INTO email_deliveries (reservation_id, kind, message_id)
      SELECT reservation_id, ${kind}::email_kind, ${messageId}::int FROM recipients
      RETURNING id, reservation_id
    )
    SELECT delivery.id FROM delivery
    JOIN recipients ON recipients.reservation_id = delivery.reservation_id,
      LATERAL add_email_job(delivery.id, ${SEND_EMAIL_TASK}, recipients.sealed,
                            ${EMAIL_MAX_ATTEMPTS}::int) AS job`;
  return queued.length;
}

const HOLDER_KINDS: ReadonlySet<string> = new Set<HolderEmailKind>([
  "message",
  "performance_changed",
  "reminder",
  "performance_cancelled",
]);

/** Whether an email kind is one of the emails to holders composed by lib/audience/holder-mail.ts. */
export function isHolderKind(kind: string): kind is HolderEmailKind {
  return HOLDER_KINDS.has(kind);
}

/**
 * "Send again" of a failed email to a holder: the same kind and message, with fresh
 * links (the failed one's raw tokens are gone on purpose), in the caller's transaction.
 */
export async function requeueHolderEmail(
  db: Db,
  {
    kind,
    reservationId,
    messageId,
    tokenSettings,
    now,
  }: {
    kind: HolderEmailKind;
    reservationId: number;
    messageId: number | null;
    tokenSettings: { checkInWindowHours: number };
    now: Date;
  },
): Promise<number> {
  const { performance } = await db.reservation.findUniqueOrThrow({
    where: { id: reservationId },
    select: { performance: { select: { startsAt: true } } },
  });
  const day = 24 * 3_600_000;
  return queueHolderEmails(db, {
    kind,
    reservationIds: [reservationId],
    messageId,
    unsubscribe: kind !== "performance_cancelled",
    unsubscribeExpiresAt: new Date(performance.startsAt.getTime() + day),
    ticketExpiresAt:
      kind === "reminder"
        ? new Date(performance.startsAt.getTime() + tokenSettings.checkInWindowHours * 3_600_000)
        : undefined,
    now,
  });
}
