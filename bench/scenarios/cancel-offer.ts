import { verdict, type Verdict } from "@/bench/checks";
import { createBenchPerformance, insertConfirmedTickets, type Sql } from "@/bench/fixtures";
import { summarize, type LatencySummary } from "@/bench/load";
import { createPrismaClient } from "@/lib/db";
import { cancelReservation } from "@/lib/reservations/cancel-reservation";

export type CancelOfferResult = {
  /** Cancellation requested → offer email delivered, per cancellation. */
  latency: LatencySummary;
  /** The cancellation transactions alone (cancel + offer + both emails queued). */
  cancel: LatencySummary;
  verdict: Verdict;
};

/**
 * cancel → offer: a full performance of `count` one-seat parties and `count` one-seat
 * entries waiting on its list. The parties cancel, `concurrency` at a time, through the
 * domain's cancellation (the one the ticket page and /admin call; in this process, on
 * the server's database); each cancellation offers its seat to the next entry in the
 * same transaction, and the server's job runner delivers the offer email. Delay = the
 * offer email's `sent_at` minus the moment its cancellation was asked for (the offer's
 * `offered_at`: the cancellation's `now`). The check:
 * every seat offered exactly once, never beyond capacity.
 */
export async function runCancelOffer({
  sql,
  databaseUrl,
  count,
  concurrency,
  timeoutMs = 120_000,
}: {
  sql: Sql;
  databaseUrl: string;
  count: number;
  concurrency: number;
  timeoutMs?: number;
}): Promise<CancelOfferResult> {
  const { performanceId } = await createBenchPerformance(sql, {
    label: "cancel-offer",
    capacity: count,
    published: true,
  });
  await insertConfirmedTickets(sql, performanceId, count);
  await sql.query(
    `INSERT INTO waitlist_entries (performance_id, status, name, email, party_size, queued_at)
     SELECT $1, 'waiting', 'Bench waiting ' || i, 'bench-wait-' || i || '@example.org', 1,
            now() + i * interval '1 millisecond'
     FROM generate_series(1, $2) AS i`,
    [performanceId, count],
  );
  const { rows: reservations } = await sql.query<{ id: number }>(
    `SELECT id FROM reservations WHERE performance_id = $1 ORDER BY id`,
    [performanceId],
  );

  const db = createPrismaClient(databaseUrl);
  const cancelMs: number[] = [];
  const queue = [...reservations];
  const startedAt = Date.now();
  try {
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        for (let next = queue.shift(); next; next = queue.shift()) {
          // cancelReservation's `now` is this moment: the offer it makes records it as offered_at.
          const asked = Date.now();
          const result = await cancelReservation({
            db,
            reservationId: next.id,
            now: new Date(asked),
          });
          cancelMs.push(Date.now() - asked);
          if (!result.ok) throw new Error(`cancellation refused: ${result.reason}`);
        }
      }),
    );
  } finally {
    await db.$disconnect();
  }
  const cancelWall = Date.now() - startedAt;

  const deadline = Date.now() + timeoutMs;
  let deliveries: { offered_at: Date; sent_at: Date | null; status: string }[] = [];
  for (;;) {
    ({ rows: deliveries } = await sql.query(
      `SELECT w.offered_at, d.sent_at, d.status::text AS status
       FROM email_deliveries d JOIN waitlist_entries w ON w.id = d.waitlist_entry_id
       WHERE w.performance_id = $1 AND d.kind = 'waitlist_offer'`,
      [performanceId],
    ));
    if (deliveries.every((d) => d.status === "sent") || Date.now() > deadline) break;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  const delays = deliveries
    .filter((d): d is typeof d & { sent_at: Date } => d.sent_at !== null)
    .map((d) => d.sent_at.getTime() - d.offered_at.getTime());
  const lastSent = Math.max(...deliveries.map((d) => d.sent_at?.getTime() ?? 0));

  const { rows: counts } = await sql.query<{ offered: number; held: number; confirmed: number }>(
    `SELECT (SELECT count(*) FROM waitlist_entries WHERE performance_id = $1 AND status = 'offered')::int AS offered,
            (SELECT held_seats FROM performance_availability WHERE performance_id = $1) AS held,
            (SELECT confirmed_seats FROM performance_availability WHERE performance_id = $1) AS confirmed`,
    [performanceId],
  );
  const { offered, held, confirmed } = counts[0];
  const problems = [
    ...(offered === count ? [] : [`${offered} of ${count} freed seats offered`]),
    ...(held + confirmed <= count ? [] : [`${held + confirmed} seats taken of ${count}`]),
    ...(deliveries.length === count
      ? []
      : [`${deliveries.length} offer emails for ${count} offers`]),
    ...(delays.length === count ? [] : [`${count - delays.length} offer emails not delivered`]),
  ];
  return {
    latency: summarize(delays, lastSent - startedAt),
    cancel: summarize(cancelMs, cancelWall),
    verdict: verdict(
      `${offered}/${count} seats offered once, ${delays.length} offer emails delivered`,
      problems,
    ),
  };
}
