import { config } from "@/lib/config";
import type { Db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { mailTokenKey, sealToken } from "@/lib/mail/sealed-token";

export type ReservationEmailKind =
  | "confirmation"
  | "ticket"
  | "cancellation"
  /** The performance was called off (issue 18). */
  | "performance_cancelled"
  /** To holders: an admin's message, a changed time or venue, the reminder the day before. */
  | "message"
  | "performance_changed"
  | "reminder";

/** Emails to a waiting-list entry (lib/waitlist/waitlist-emails.ts). */
export type WaitlistEmailKind =
  "waitlist_opt_in" | "waitlist_joined" | "waitlist_offer" | "waitlist_lapsed" | "waitlist_closed";

export type EmailKind = ReservationEmailKind | WaitlistEmailKind;

/** The graphile-worker task that delivers one `email_deliveries` row (lib/jobs/tasks.ts). */
export const SEND_EMAIL_TASK = "send_email";

/**
 * Attempts before an email counts as failed. graphile-worker waits exp(min(attempt, 10))
 * seconds between attempts: 2.7 s, 7.4 s, 20 s, … about 9.5 hours for all ten, inside a
 * confirmation link's 24 hours.
 */
export const EMAIL_MAX_ATTEMPTS = 10;

/** What a job carries: the delivery's id and, for a link email, the sealed raw token. */
export type SendEmailPayload = { delivery_id: number; token: string | null };

const DEVELOPMENT_SECRET = "development-only-secret-not-for-production"; // web/auth/options.ts's

let cachedKey: { secret: string; key: Buffer } | undefined;

/** The key link tokens are sealed with in job payloads (production requires NEXTAUTH_SECRET). */
export function emailTokenKey(secret = config().NEXTAUTH_SECRET ?? DEVELOPMENT_SECRET): Buffer {
  if (cachedKey?.secret !== secret) cachedKey = { secret, key: mailTokenKey(secret) };
  return cachedKey.key;
}

/**
 * Queues one email in the caller's transaction: an `email_deliveries` row and its
 * graphile-worker job, in one statement. If the transaction rolls back, neither exists
 * and nothing is sent; once it commits, a runner delivers it. The job key (`email:<id>`)
 * names the delivery, so adding it again never makes a second job.
 *
 * Returns a lazy Prisma query, so it can join a `$transaction([...])` batch.
 */
export function queueEmail(
  db: Db,
  {
    kind,
    reservation,
    rawToken,
  }: {
    kind: ReservationEmailKind;
    reservation: { id: number };
    rawToken?: string;
  },
) {
  return withJob(
    db,
    Prisma.sql`INSERT INTO email_deliveries (reservation_id, kind) VALUES (${reservation.id}, ${kind}::email_kind)`,
    emailJobArguments(kind, rawToken),
  );
}

/**
 * What the database function `add_email_job` takes to queue one email's job: the task,
 * the attempts and, for a link email, the raw token sealed for this kind of email. The
 * use cases that run in one database function (booking, confirmation) pass these.
 */
export function emailJobArguments(kind: EmailKind, rawToken?: string) {
  return {
    task: SEND_EMAIL_TASK,
    maxAttempts: EMAIL_MAX_ATTEMPTS,
    sealedToken: rawToken ? sealToken(rawToken, emailTokenKey(), kind) : null,
  };
}

/** One delivery row (inserted by `insert`) and its graphile-worker job, in one statement. */
function withJob(db: Db, insert: Prisma.Sql, job: ReturnType<typeof emailJobArguments>) {
  return db.$queryRaw<{ id: number }[]>`
    WITH delivery AS (${insert} RETURNING id)
    SELECT delivery.id FROM delivery,
      LATERAL add_email_job(delivery.id, ${job.task}, ${job.sealedToken}::text,
                            ${job.maxAttempts}::int) AS job`;
}

/**
 * Queues one email to a waiting-list entry in the caller's transaction, as `queueEmail`
 * does for reservations: the delivery row and its job commit or roll back with the change.
 */
export function queueWaitlistEmail(
  db: Db,
  { kind, entryId, rawToken }: { kind: WaitlistEmailKind; entryId: number; rawToken?: string },
) {
  return withJob(
    db,
    Prisma.sql`INSERT INTO email_deliveries (waitlist_entry_id, kind) VALUES (${entryId}, ${kind}::email_kind)`,
    emailJobArguments(kind, rawToken),
  );
}
