import { verdict, type Verdict } from "@/bench/checks";
import { createBenchPerformance, insertConfirmedTickets, type Sql } from "@/bench/fixtures";
import { summarize, type LatencySummary } from "@/bench/load";
import { EMAIL_MAX_ATTEMPTS, SEND_EMAIL_TASK } from "@/lib/mail/email-queue";
import { mailTokenKey, sealToken } from "@/lib/mail/sealed-token";

export type DrainResult = {
  /** Commit → delivered of each email, and emails delivered per second. */
  latency: LatencySummary;
  verdict: Verdict;
};

type Delivery = { created_at: Date; sent_at: Date | null; status: string };

async function waitForDeliveries(sql: Sql, ids: number[], timeoutMs: number): Promise<Delivery[]> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const { rows } = await sql.query<Delivery>(
      `SELECT created_at, sent_at, status::text AS status FROM email_deliveries WHERE id = ANY($1::int[])`,
      [ids],
    );
    const done = rows.filter((row) => row.status !== "queued" && row.status !== "retrying");
    if (done.length === ids.length || Date.now() > deadline) return rows;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

function summarizeDeliveries(rows: Delivery[], expected: number, label: string): DrainResult {
  const sent = rows.filter((row): row is Delivery & { sent_at: Date } => row.status === "sent");
  const delays = sent.map((row) => row.sent_at.getTime() - row.created_at.getTime());
  const first = Math.min(...rows.map((row) => row.created_at.getTime()));
  const last = Math.max(...sent.map((row) => row.sent_at.getTime()));
  const problems =
    sent.length === expected
      ? []
      : [`${expected - sent.length} of ${expected} emails not delivered`];
  return {
    latency: summarize(delays, sent.length > 0 ? last - first : 0),
    verdict: verdict(`${sent.length}/${expected} ${label} delivered once`, problems),
  };
}

/**
 * mail drain, under load: the ticket emails that confirm-hot's confirmations queued, as
 * the runner inside the server delivered them while the confirmations were coming in.
 * Delay = the delivery's `sent_at` minus its `created_at` (the confirming transaction's
 * time); per s = emails over the span from the first commit to the last delivery.
 */
export async function measureConfirmHotDrain(
  sql: Sql,
  { timeoutMs = 120_000 }: { timeoutMs?: number } = {},
): Promise<DrainResult> {
  const { rows } = await sql.query<{ id: number }>(
    `SELECT id FROM email_deliveries WHERE kind = 'ticket'`,
  );
  const deliveries = await waitForDeliveries(
    sql,
    rows.map((row) => row.id),
    timeoutMs,
  );
  return summarizeDeliveries(deliveries, rows.length, "ticket emails");
}

/**
 * mail drain, saturated: `count` ticket emails (QR PNG and .ics each, the costliest
 * email) queued in one transaction, then drained by the server's runner alone. Their
 * tokens are sealed with the server's secret, as the app's transactions seal them.
 */
export async function runSaturatedDrain({
  sql,
  secret,
  count,
  timeoutMs = 120_000,
}: {
  sql: Sql;
  secret: string;
  count: number;
  timeoutMs?: number;
}): Promise<DrainResult> {
  const { performanceId } = await createBenchPerformance(sql, {
    label: "mail-drain",
    capacity: count,
    published: true,
  });
  const tokens = await insertConfirmedTickets(sql, performanceId, count);
  const key = mailTokenKey(secret);
  const { rows } = await sql.query<{ id: number }>(
    `WITH tickets AS (
       SELECT r.id AS reservation_id, sealed.value AS sealed
       FROM reservations r
       JOIN (SELECT id, row_number() OVER (ORDER BY id) AS n FROM reservations WHERE performance_id = $1) ordered
         ON ordered.id = r.id
       JOIN unnest($2::text[]) WITH ORDINALITY AS sealed(value, n) ON sealed.n = ordered.n
     ), delivery AS (
       INSERT INTO email_deliveries (reservation_id, kind)
       SELECT reservation_id, 'ticket' FROM tickets ORDER BY reservation_id
       RETURNING id, reservation_id
     )
     SELECT delivery.id FROM delivery JOIN tickets USING (reservation_id),
       LATERAL graphile_worker.add_job($3, json_build_object('delivery_id', delivery.id, 'token', tickets.sealed),
                                       max_attempts := $4::int, job_key := 'email:' || delivery.id) AS job`,
    [
      performanceId,
      tokens.map((token) => sealToken(token, key, "ticket")),
      SEND_EMAIL_TASK,
      EMAIL_MAX_ATTEMPTS,
    ],
  );
  const deliveries = await waitForDeliveries(
    sql,
    rows.map((row) => row.id),
    timeoutMs,
  );
  return summarizeDeliveries(deliveries, count, "ticket emails");
}
