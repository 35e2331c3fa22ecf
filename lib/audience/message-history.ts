import type { Db } from "@/lib/db";

/** The mass sends of a performance, newest first, with how their emails fared. */
export async function messagesOf(db: Db, performanceId: number) {
  const rows = await db.$queryRaw<
    {
      id: number;
      kind: "message" | "change" | "cancellation";
      subject: string;
      recipients: number;
      created_at: Date;
      sent: number;
      failed: number;
      pending: number;
    }[]
  >`
    SELECT m.id, m.kind, m.subject, m.recipients, m.created_at,
           count(d.id) FILTER (WHERE d.status IN ('sent', 'skipped'))::int AS sent,
           count(d.id) FILTER (WHERE d.status = 'failed')::int AS failed,
           count(d.id) FILTER (WHERE d.status IN ('queued', 'retrying'))::int AS pending
    FROM performance_messages m
    LEFT JOIN email_deliveries d ON d.message_id = m.id
    WHERE m.performance_id = ${performanceId}
    GROUP BY m.id
    ORDER BY m.created_at DESC, m.id DESC`;
  return rows;
}
