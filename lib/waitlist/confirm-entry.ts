import type { Db, PrismaClient } from "@/lib/db";
import { queueWaitlistEmail } from "@/lib/mail/email-queue";
import { lockPerformanceRow } from "@/lib/reservations/lock-performance";
import { offerFreeSeats, offersOpen } from "@/lib/waitlist/offer-seats";
import type { WaitlistSettings } from "@/lib/waitlist/waitlist-settings";
import { findWaitlistToken, issueWaitlistToken } from "@/lib/waitlist/waitlist-tokens";
import { hashToken } from "@/lib/tokens";

export type ConfirmEntryResult =
  /** In line (`position` among those waiting), or offered at once when seats were free. */
  | { ok: true; entryId: number; status: "waiting"; position: number }
  | { ok: true; entryId: number; status: "offered" }
  | { ok: false; reason: "token_not_found" | "token_expired" | "entry_ended" | "offers_closed" }
  /** Confirmed earlier: still waiting, or holding an offer (its email has the link to book). */
  | { ok: false; reason: "already_confirmed" | "already_offered"; entryId: number };

/** Where an entry stands in line: 1 + the waiting entries queued before it. */
export async function linePosition(db: Db, entryId: number): Promise<number> {
  const [row] = await db.$queryRaw<{ position: number }[]>`
    SELECT (1 + count(o.id))::int AS position
    FROM waitlist_entries e
    LEFT JOIN waitlist_entries o
      ON o.performance_id = e.performance_id AND o.status = 'waiting'
     AND (o.queued_at, o.id) < (e.queued_at, e.id)
    WHERE e.id = ${entryId}
    GROUP BY e.id`;
  return row?.position ?? 1;
}

/**
 * The visitor opened the address-confirmation link: the entry joins the line now (its
 * place is the time of this confirmation). Under the performance's lock, the free seats
 * are then offered at once (a seat may have freed since the visitor joined), so the new
 * entry may get an offer straight away; otherwise the "you are on the list" email, with
 * its own leave link, is queued.
 */
export async function confirmWaitlistEntry({
  db,
  token,
  settings,
  now = new Date(),
  lock = true,
}: {
  db: PrismaClient;
  token: string;
  settings: WaitlistSettings;
  now?: Date;
  /** false only in the control runs of the concurrency tests. */
  lock?: boolean;
}): Promise<ConfirmEntryResult> {
  const found = await findWaitlistToken(db, token);
  if (!found || found.purpose !== "opt_in") return { ok: false, reason: "token_not_found" };
  const performanceId = found.entry.performanceId;
  return db.$transaction(async (tx) => {
    await lockPerformanceRow(tx, performanceId, { lock });
    const entry = await tx.waitlistEntry.findUniqueOrThrow({
      where: { id: found.entryId },
      select: { id: true, status: true, performance: { select: { startsAt: true } } },
    });
    if (entry.status === "waiting")
      return { ok: false, reason: "already_confirmed", entryId: entry.id } as const;
    if (entry.status === "offered")
      return { ok: false, reason: "already_offered", entryId: entry.id } as const;
    if (entry.status !== "unconfirmed") return { ok: false, reason: "entry_ended" } as const;
    const live = await tx.waitlistToken.updateMany({
      where: {
        tokenHash: hashToken(token),
        usedAt: null,
        revokedAt: null,
        expiresAt: { gt: now },
      },
      data: { usedAt: now },
    });
    if (live.count === 0) return { ok: false, reason: "token_expired" } as const;
    const open = await offersOpen(tx, performanceId, now);
    if (!open?.open) return { ok: false, reason: "offers_closed" } as const;

    await tx.waitlistEntry.update({
      where: { id: entry.id },
      data: { status: "waiting", queuedAt: now, updatedAt: now },
    });
    // Seats free now go to the line at once; an entry offered here gets the offer email only.
    const offered = await offerFreeSeats(tx, { performanceId, settings, now });
    if (offered.includes(entry.id))
      return { ok: true, entryId: entry.id, status: "offered" } as const;
    const manageToken = await issueWaitlistToken(tx, {
      entryId: entry.id,
      purpose: "manage",
      expiresAt: entry.performance.startsAt,
      now,
    });
    await queueWaitlistEmail(tx, {
      kind: "waitlist_joined",
      entryId: entry.id,
      rawToken: manageToken,
    });
    return {
      ok: true,
      entryId: entry.id,
      status: "waiting",
      position: await linePosition(tx, entry.id),
    } as const;
  });
}
