import { performance } from "node:perf_hooks";
import pg from "pg";
import { checkConfirmationRace } from "@/bench/checks";
import { createBenchPerformance, insertPendingReservations } from "@/bench/fixtures";
import { summarize } from "@/bench/load";
import type { RaceResult } from "@/bench/scenarios/confirm-hot";
import { hashToken } from "@/lib/tokens";

// The smallest correct confirmation: lock the performance row, then (in a statement
// whose snapshot starts after the lock is held) sum the confirmed seats and confirm the
// reservation only if it still fits. Four round trips: BEGIN, lock, update, COMMIT.
const LOCK = `
  SELECT r.id FROM reservation_tokens t
  JOIN reservations r ON r.id = t.reservation_id
  JOIN performances p ON p.id = r.performance_id
  WHERE t.token_hash = $1 AND t.purpose = 'confirmation'
  FOR UPDATE OF p`;
const CONFIRM = `
  UPDATE reservations r SET status = 'confirmed', confirmed_at = now(), updated_at = now()
  FROM performances p
  WHERE r.id = $1 AND p.id = r.performance_id AND r.status = 'pending'
    AND r.party_size <= p.room_capacity + p.additional_seats - p.manually_occupied_seats
      - (SELECT COALESCE(SUM(c.party_size), 0) FROM reservations c WHERE c.performance_id = p.id AND c.status = 'confirmed')`;

/**
 * confirm-ceiling: the same race as confirm-hot, run with the raw `pg` driver and
 * `connections` database connections against the same database. No layer above the
 * database (HTTP, Next, Prisma, email) can confirm faster on this machine.
 */
export async function runConfirmCeiling({
  databaseUrl,
  capacity,
  reservations,
  connections,
}: {
  databaseUrl: string;
  capacity: number;
  reservations: number;
  connections: number;
}): Promise<RaceResult> {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: connections });
  try {
    const { performanceId } = await createBenchPerformance(pool, {
      label: "confirm-ceiling",
      capacity,
    });
    const tokens = await insertPendingReservations(pool, performanceId, reservations);
    const clients = await Promise.all(Array.from({ length: connections }, () => pool.connect()));

    const latenciesMs: number[] = [];
    const statuses: Record<number, number> = {};
    let next = 0;
    const startedAt = performance.now();
    await Promise.all(
      clients.map(async (client) => {
        for (let token = tokens[next++]; token !== undefined; token = tokens[next++]) {
          const sentAt = performance.now();
          await client.query("BEGIN");
          const locked = await client.query<{ id: number }>(LOCK, [hashToken(token)]);
          const updated = await client.query(CONFIRM, [locked.rows[0].id]);
          await client.query("COMMIT");
          latenciesMs.push(performance.now() - sentAt);
          // Reported like the HTTP answers it stands for.
          const status = updated.rowCount === 1 ? 200 : 409;
          statuses[status] = (statuses[status] ?? 0) + 1;
        }
      }),
    );
    const wallMs = performance.now() - startedAt;
    for (const client of clients) client.release();

    const verdict = await checkConfirmationRace(pool, {
      performanceId,
      capacity,
      reservations,
      okAnswers: statuses[200] ?? 0,
    });
    return { latency: summarize(latenciesMs, wallMs), statuses, verdict };
  } finally {
    await pool.end();
  }
}
