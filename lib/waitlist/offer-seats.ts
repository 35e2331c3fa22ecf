import type { Prisma } from "@/lib/generated/prisma/client";
import { queueWaitlistEmail } from "@/lib/mail/email-queue";
import type { WaitlistSettings } from "@/lib/waitlist/waitlist-settings";
import { issueWaitlistToken } from "@/lib/waitlist/waitlist-tokens";

type Tx = Prisma.TransactionClient;

/** When an offer made at `now` stops holding its seats: after the offer hours, never past the start. */
export function offerDeadline(now: Date, startsAt: Date, offerHours: number): Date {
  return new Date(Math.min(now.getTime() + offerHours * 3_600_000, startsAt.getTime()));
}

/** Whether a performance takes offers now: open for booking, published, not cancelled or started. */
export async function offersOpen(tx: Tx, performanceId: number, now: Date) {
  const [row] = await tx.$queryRaw<{ starts_at: Date; open: boolean }[]>`
    SELECT p.starts_at,
           (p.is_booking_enabled AND s.is_published AND p.cancelled_at IS NULL AND p.starts_at > ${now}) AS open
    FROM performances p JOIN shows s ON s.id = p.show_id
    WHERE p.id = ${performanceId}`;
  return row ?? null;
}

/**
 * Makes one offer: the entry's seats are held from now until the deadline (the view
 * performance_availability counts them as taken), its offer link is issued and the
 * offer email queued, all in the caller's transaction. Only an entry still `waiting`
 * is offered (the update says so), so two passes can never offer one entry twice.
 */
export async function makeOffer(
  tx: Tx,
  {
    entryId,
    startsAt,
    settings,
    now,
  }: {
    entryId: number;
    startsAt: Date;
    settings: WaitlistSettings;
    now: Date;
  },
): Promise<boolean> {
  const expiresAt = offerDeadline(now, startsAt, settings.offerHours);
  const { count } = await tx.waitlistEntry.updateMany({
    where: { id: entryId, status: "waiting" },
    data: { status: "offered", offeredAt: now, offerExpiresAt: expiresAt, updatedAt: now },
  });
  if (count === 0) return false;
  const rawToken = await issueWaitlistToken(tx, { entryId, purpose: "offer", expiresAt, now });
  await queueWaitlistEmail(tx, { kind: "waitlist_offer", entryId, rawToken });
  return true;
}

/**
 * Offers the seats free now to the waiting list. THE CALLER HOLDS THE PERFORMANCE'S LOCK
 * (lockPerformanceRow), so the seats counted here are not given out by anyone else before
 * this transaction commits.
 *
 * The rule (README, "Waiting list"): the list is walked in order (the time each visitor
 * confirmed their address); every entry whose party fits in the seats still free gets an
 * offer and its seats are held; an entry that does not fit keeps its place and is
 * skipped this time, so a party of 4 at the head never blocks a party of 2 behind it when
 * only 2 seats are free. Seats that fit no waiting party stay bookable by anyone.
 * Returns the ids of the entries offered.
 */
export async function offerFreeSeats(
  tx: Tx,
  {
    performanceId,
    settings,
    now,
  }: { performanceId: number; settings: WaitlistSettings; now: Date },
): Promise<number[]> {
  const performance = await offersOpen(tx, performanceId, now);
  if (!performance?.open) return [];
  const [availability] = await tx.$queryRaw<{ available_seats: number }[]>`
    SELECT available_seats FROM performance_availability WHERE performance_id = ${performanceId}`;
  let free = availability?.available_seats ?? 0;
  if (free <= 0) return [];
  const line = await tx.waitlistEntry.findMany({
    where: { performanceId, status: "waiting", partySize: { lte: free } },
    orderBy: [{ queuedAt: "asc" }, { id: "asc" }],
    select: { id: true, partySize: true },
  });
  const offered: number[] = [];
  for (const entry of line) {
    if (entry.partySize > free) continue;
    if (
      await makeOffer(tx, { entryId: entry.id, startsAt: performance.starts_at, settings, now })
    ) {
      offered.push(entry.id);
      free -= entry.partySize;
      if (free === 0) break;
    }
  }
  return offered;
}
