import type { PrismaClient } from "@/lib/db";
import { hashToken } from "@/lib/tokens";
import { lockPerformanceRow } from "@/lib/reservations/lock-performance";
import { offerFreeSeats } from "@/lib/waitlist/offer-seats";
import type { WaitlistSettings } from "@/lib/waitlist/waitlist-settings";
import { findWaitlistToken, revokeWaitlistTokens } from "@/lib/waitlist/waitlist-tokens";

export type LeaveWaitlistResult =
  | { ok: true; entryId: number; declinedOffer: boolean }
  | { ok: false; reason: "token_not_found" | "entry_ended" };

/**
 * The visitor leaves the list from the link in any waiting-list email (any of the
 * entry's links that has not been revoked). An entry holding an offer declines it: under
 * the performance's lock, its seats go to the next entries at once.
 */
export async function leaveWaitlist({
  db,
  token,
  settings,
  now = new Date(),
}: {
  db: PrismaClient;
  token: string;
  settings: WaitlistSettings;
  now?: Date;
}): Promise<LeaveWaitlistResult> {
  const found = await findWaitlistToken(db, token);
  if (!found || found.revokedAt) return { ok: false, reason: "token_not_found" };
  const performanceId = found.entry.performanceId;
  return db.$transaction(async (tx) => {
    await lockPerformanceRow(tx, performanceId);
    const link = await tx.waitlistToken.findUnique({
      where: { tokenHash: hashToken(token) },
      select: { revokedAt: true },
    });
    if (!link || link.revokedAt) return { ok: false, reason: "token_not_found" } as const;
    const entry = await tx.waitlistEntry.findUniqueOrThrow({
      where: { id: found.entryId },
      select: { id: true, status: true },
    });
    if (!["unconfirmed", "waiting", "offered"].includes(entry.status))
      return { ok: false, reason: "entry_ended" } as const;
    const declinedOffer = entry.status === "offered";
    await tx.waitlistEntry.update({
      where: { id: entry.id },
      data: { status: declinedOffer ? "declined" : "left", endedAt: now, updatedAt: now },
    });
    await revokeWaitlistTokens(tx, entry.id, now);
    if (declinedOffer) await offerFreeSeats(tx, { performanceId, settings, now });
    return { ok: true, entryId: entry.id, declinedOffer } as const;
  });
}
