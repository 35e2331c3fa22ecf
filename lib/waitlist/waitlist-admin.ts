import { writeAudit, type Actor } from "@/lib/audit/audit-log";
import type { Db, PrismaClient } from "@/lib/db";
import { lockPerformanceRow } from "@/lib/reservations/lock-performance";
import { makeOffer, offersOpen } from "@/lib/waitlist/offer-seats";
import type { WaitlistSettings } from "@/lib/waitlist/waitlist-settings";

/**
 * A performance's waiting list for /admin: the line first (offers running, then those
 * waiting, in order), then the entries not confirmed yet, then those that ended.
 * `position` counts the waiting entries only.
 */
export async function waitlistOf(db: Db, performanceId: number) {
  const entries = await db.waitlistEntry.findMany({
    where: { performanceId },
    select: {
      id: true,
      status: true,
      name: true,
      email: true,
      partySize: true,
      queuedAt: true,
      offerExpiresAt: true,
      reservationId: true,
      createdAt: true,
    },
    orderBy: [{ queuedAt: { sort: "asc", nulls: "last" } }, { id: "asc" }],
  });
  const rank = { offered: 0, waiting: 1, unconfirmed: 2 } as Record<string, number>;
  const sorted = [...entries].sort((a, b) => (rank[a.status] ?? 3) - (rank[b.status] ?? 3));
  let position = 0;
  return sorted.map((entry) => ({
    ...entry,
    position: entry.status === "waiting" ? (position += 1) : null,
  }));
}

export type WaitlistRow = Awaited<ReturnType<typeof waitlistOf>>[number];

/** Parties in line (waiting or holding an offer) per performance, for the dashboard. */
export async function waitlistLengths(
  db: Db,
  performanceIds: number[],
): Promise<Map<number, { parties: number; seats: number }>> {
  if (performanceIds.length === 0) return new Map();
  const rows = await db.$queryRaw<{ performance_id: number; parties: number; seats: number }[]>`
    SELECT performance_id, count(*)::int AS parties, SUM(party_size)::int AS seats
    FROM waitlist_entries
    WHERE performance_id = ANY(${performanceIds}::int[]) AND status IN ('waiting', 'offered')
    GROUP BY performance_id`;
  return new Map(
    rows.map((row) => [row.performance_id, { parties: row.parties, seats: row.seats }]),
  );
}

export type ManualOfferResult =
  | { ok: true }
  | { ok: false; reason: "not_found" | "not_waiting" | "offers_closed" }
  | { ok: false; reason: "insufficient_seats"; availableSeats: number };

/**
 * An admin offers the free seats to one waiting entry, out of turn if they choose (e.g.
 * a party that the rule skipped). Under the performance's lock, like every offer: only
 * seats free now can be offered, so a manual offer never overbooks. Audited.
 */
export async function offerManually({
  db,
  actor,
  entryId,
  settings,
  now = new Date(),
}: {
  db: PrismaClient;
  actor: Actor;
  entryId: number;
  settings: WaitlistSettings;
  now?: Date;
}): Promise<ManualOfferResult> {
  const found = await db.waitlistEntry.findUnique({
    where: { id: entryId },
    select: { performanceId: true },
  });
  if (!found) return { ok: false, reason: "not_found" };
  return db.$transaction(async (tx) => {
    await lockPerformanceRow(tx, found.performanceId);
    const entry = await tx.waitlistEntry.findUniqueOrThrow({
      where: { id: entryId },
      select: { status: true, partySize: true },
    });
    if (entry.status !== "waiting") return { ok: false, reason: "not_waiting" } as const;
    const open = await offersOpen(tx, found.performanceId, now);
    if (!open?.open) return { ok: false, reason: "offers_closed" } as const;
    const [availability] = await tx.$queryRaw<{ available_seats: number }[]>`
      SELECT available_seats FROM performance_availability WHERE performance_id = ${found.performanceId}`;
    const availableSeats = availability?.available_seats ?? 0;
    if (entry.partySize > availableSeats)
      return { ok: false, reason: "insufficient_seats", availableSeats } as const;
    await makeOffer(tx, { entryId, startsAt: open.starts_at, settings, now });
    await writeAudit(tx, actor, {
      action: "waitlist.offer",
      entityType: "performance",
      entityId: found.performanceId,
      summary: `waiting-list entry #${entryId}, ${entry.partySize} seats offered by hand`,
    });
    return { ok: true } as const;
  });
}
