-- Email history. The emails themselves are graphile-worker jobs (schema graphile_worker,
-- installed by `npm run db:migrate` and by every runner at start); this table is our
-- record of each one for /admin: queued, sent, retrying (with the next attempt's time),
-- failed (with a reason code) or skipped (its link was replaced before it went out).
-- It holds no address and no token: the job carries the reservation and, for a link,
-- the token sealed with a key derived from NEXTAUTH_SECRET (lib/mail/sealed-token.ts).
CREATE TYPE "email_kind" AS ENUM ('confirmation', 'ticket', 'cancellation');
CREATE TYPE "email_status" AS ENUM ('queued', 'sent', 'retrying', 'failed', 'skipped');

CREATE TABLE "email_deliveries" (
  "id"              SERIAL PRIMARY KEY,
  "reservation_id"  INTEGER NOT NULL REFERENCES "reservations"("id") ON DELETE CASCADE,
  "kind"            "email_kind" NOT NULL,
  "status"          "email_status" NOT NULL DEFAULT 'queued',
  "attempts"        INTEGER NOT NULL DEFAULT 0,
  -- A machine-readable reason (e.g. `invalid_address`, `timeout`, `provider_5xx`), never a message.
  "last_error"      VARCHAR(64),
  "next_attempt_at" TIMESTAMPTZ(3),
  "sent_at"         TIMESTAMPTZ(3),
  "created_at"      TIMESTAMPTZ(3) NOT NULL DEFAULT now(),
  "updated_at"      TIMESTAMPTZ(3) NOT NULL DEFAULT now()
);
CREATE INDEX "email_deliveries_reservation_id_idx" ON "email_deliveries" ("reservation_id");
CREATE INDEX "email_deliveries_failed_idx" ON "email_deliveries" ("updated_at") WHERE "status" = 'failed';
