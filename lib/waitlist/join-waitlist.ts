import { readBookablePerformance } from "@/lib/reservations/bookable-performance";
import type { PrismaClient } from "@/lib/db";
import { queueWaitlistEmail } from "@/lib/mail/email-queue";
import type { WaitlistJoin } from "@/lib/waitlist/join-input";
import type { WaitlistSettings } from "@/lib/waitlist/waitlist-settings";
import { issueWaitlistToken } from "@/lib/waitlist/waitlist-tokens";

export type JoinWaitlistResult =
  /** The raw link goes into the email only; the caller (a page, the API) never shows it. */
  | { ok: true; entryId: number; optInToken: string }
  /** The same address is already on this performance's list: nothing new, no email. */
  | { ok: true; entryId: number; repeated: true }
  | {
      ok: false;
      reason: "performance_not_found" | "booking_closed" | "performance_cancelled";
    }
  /** The party fits in the seats free now: book instead. */
  | { ok: false; reason: "seats_available"; availableSeats: number };

/**
 * Puts a visitor on a performance's waiting list, unconfirmed: the entry holds no place
 * until the visitor opens the emailed link (double opt-in, as a booking). The entry, its
 * link and the email job are one transaction. An address already on the list (not yet
 * ended) gets the same answer and nothing more, so the form never tells a stranger
 * whether an address is there.
 */
export async function joinWaitlist({
  db,
  performanceId,
  input,
  locale,
  settings,
  now = new Date(),
}: {
  db: PrismaClient;
  performanceId: number;
  input: WaitlistJoin;
  locale: string;
  settings: WaitlistSettings;
  now?: Date;
}): Promise<JoinWaitlistResult> {
  return db.$transaction(async (tx) => {
    const performance = await readBookablePerformance(tx, performanceId);
    if (!performance) return { ok: false, reason: "performance_not_found" } as const;
    if (performance.cancelled) return { ok: false, reason: "performance_cancelled" } as const;
    if (!performance.bookingEnabled || performance.startsAt <= now)
      return { ok: false, reason: "booking_closed" } as const;
    if (input.party_size <= performance.availableSeats)
      return {
        ok: false,
        reason: "seats_available",
        availableSeats: performance.availableSeats,
      } as const;

    await tx.$executeRaw`SELECT pg_advisory_xact_lock(${performanceId}::int, hashtext('waitlist:' || lower(${input.email})))`;
    const existing = await tx.waitlistEntry.findFirst({
      where: {
        performanceId,
        email: { equals: input.email, mode: "insensitive" },
        status: { in: ["unconfirmed", "waiting", "offered"] },
      },
      select: { id: true },
    });
    if (existing) return { ok: true, entryId: existing.id, repeated: true } as const;

    const entry = await tx.waitlistEntry.create({
      data: {
        performanceId,
        name: input.name,
        email: input.email,
        partySize: input.party_size,
        locale,
        createdAt: now,
        updatedAt: now,
      },
      select: { id: true },
    });
    const expiresAt = new Date(
      Math.min(now.getTime() + settings.optInHours * 3_600_000, performance.startsAt.getTime()),
    );
    const rawToken = await issueWaitlistToken(tx, {
      entryId: entry.id,
      purpose: "opt_in",
      expiresAt,
      now,
    });
    await queueWaitlistEmail(tx, { kind: "waitlist_opt_in", entryId: entry.id, rawToken });
    return { ok: true, entryId: entry.id, optInToken: rawToken } as const;
  });
}
