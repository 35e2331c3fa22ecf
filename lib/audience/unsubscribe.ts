import type { Db } from "@/lib/db";
import { hashToken } from "@/lib/tokens";

export type UnsubscribeResult = { ok: true } | { ok: false; reason: "token_not_found" };

/**
 * "No more reminders or messages" from the link in those emails: the reservation gets no
 * further reminder, message or change notice (a cancellation notice still goes out: the
 * visitor must know the evening is off). Idempotent.
 */
export async function unsubscribeFromMessages({
  db,
  token,
  now = new Date(),
}: {
  db: Db;
  token: string;
  now?: Date;
}): Promise<UnsubscribeResult> {
  const link = await db.reservationToken.findUnique({
    where: { tokenHash: hashToken(token) },
    select: { purpose: true, reservationId: true, revokedAt: true, expiresAt: true },
  });
  if (!link || link.purpose !== "unsubscribe" || link.revokedAt || link.expiresAt <= now)
    return { ok: false, reason: "token_not_found" };
  await db.reservation.updateMany({
    where: { id: link.reservationId, messagesOptOutAt: null },
    data: { messagesOptOutAt: now },
  });
  return { ok: true };
}
