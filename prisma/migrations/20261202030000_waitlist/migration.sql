-- The waiting list (issue 18): visitors queue for a full performance; freed seats are
-- offered in order and held while the offer runs; a performance can be cancelled.

-- 1. A performance called off: shown as cancelled, no bookings, refused at the door.
ALTER TABLE "performances" ADD COLUMN "cancelled_at" TIMESTAMPTZ(3);

-- 2. Entries. `unconfirmed` until the visitor confirms the address (it holds no place);
-- `waiting` in line, ordered by `queued_at` (the confirmation), then id; `offered` while
-- an offer runs (its seats are held, see the view below); `booked` when the offer became
-- a reservation; `declined` (the visitor said no to an offer), `lapsed` (the offer ran
-- out), `left` (the visitor left the list), `closed` (the performance was cancelled or
-- started) end an entry.
CREATE TYPE "waitlist_status" AS ENUM
  ('unconfirmed', 'waiting', 'offered', 'booked', 'declined', 'lapsed', 'left', 'closed');

CREATE TABLE "waitlist_entries" (
  "id"               SERIAL PRIMARY KEY,
  -- A performance that can be deleted (no reservations: PROTECT) takes its list with it.
  "performance_id"   INTEGER NOT NULL REFERENCES "performances"("id") ON DELETE CASCADE,
  "status"           "waitlist_status" NOT NULL DEFAULT 'unconfirmed',
  "name"             VARCHAR(200) NOT NULL,
  "email"            VARCHAR(254) NOT NULL,
  "party_size"       INTEGER NOT NULL CHECK ("party_size" > 0),
  "locale"           VARCHAR(5) NOT NULL DEFAULT 'it',
  "queued_at"        TIMESTAMPTZ(3),
  "offered_at"       TIMESTAMPTZ(3),
  "offer_expires_at" TIMESTAMPTZ(3),
  "reservation_id"   INTEGER UNIQUE REFERENCES "reservations"("id") ON DELETE SET NULL,
  "ended_at"         TIMESTAMPTZ(3),
  "anonymized_at"    TIMESTAMPTZ(3),
  "created_at"       TIMESTAMPTZ(3) NOT NULL DEFAULT now(),
  "updated_at"       TIMESTAMPTZ(3) NOT NULL DEFAULT now(),
  CONSTRAINT "waitlist_entries_queued" CHECK ("status" = 'unconfirmed' OR "queued_at" IS NOT NULL),
  CONSTRAINT "waitlist_entries_offer" CHECK ("status" <> 'offered' OR "offer_expires_at" IS NOT NULL)
);
CREATE INDEX "waitlist_entries_line_idx" ON "waitlist_entries" ("performance_id", "status", "queued_at", "id");
CREATE INDEX "waitlist_entries_offers_idx" ON "waitlist_entries" ("offer_expires_at") WHERE "status" = 'offered';
CREATE INDEX "waitlist_entries_email_idx" ON "waitlist_entries" ("email");

-- 3. Links of waiting-list emails: only the SHA-256 of each token is stored, as for
-- reservations. `opt_in` confirms the address, `offer` books the offered seats; every
-- token of an entry (opt_in, manage, offer) can also take the entry off the list.
CREATE TYPE "waitlist_token_purpose" AS ENUM ('opt_in', 'manage', 'offer');

CREATE TABLE "waitlist_tokens" (
  "id"          SERIAL PRIMARY KEY,
  "entry_id"    INTEGER NOT NULL REFERENCES "waitlist_entries"("id") ON DELETE CASCADE,
  "purpose"     "waitlist_token_purpose" NOT NULL,
  "token_hash"  CHAR(64) NOT NULL UNIQUE,
  "expires_at"  TIMESTAMPTZ(3) NOT NULL,
  "used_at"     TIMESTAMPTZ(3),
  "revoked_at"  TIMESTAMPTZ(3),
  "created_at"  TIMESTAMPTZ(3) NOT NULL DEFAULT now()
);
CREATE INDEX "waitlist_tokens_entry_id_idx" ON "waitlist_tokens" ("entry_id", "purpose");

-- 4. Email history covers waiting-list emails too: a delivery belongs to a reservation
-- or to a waiting-list entry, exactly one of them.
ALTER TYPE "email_kind" ADD VALUE IF NOT EXISTS 'waitlist_opt_in';
ALTER TYPE "email_kind" ADD VALUE IF NOT EXISTS 'waitlist_joined';
ALTER TYPE "email_kind" ADD VALUE IF NOT EXISTS 'waitlist_offer';
ALTER TYPE "email_kind" ADD VALUE IF NOT EXISTS 'waitlist_lapsed';
ALTER TYPE "email_kind" ADD VALUE IF NOT EXISTS 'waitlist_closed';
ALTER TYPE "email_kind" ADD VALUE IF NOT EXISTS 'performance_cancelled';
ALTER TABLE "email_deliveries" ALTER COLUMN "reservation_id" DROP NOT NULL;
ALTER TABLE "email_deliveries" ADD COLUMN "waitlist_entry_id" INTEGER
  REFERENCES "waitlist_entries"("id") ON DELETE CASCADE;
ALTER TABLE "email_deliveries" ADD CONSTRAINT "email_deliveries_one_owner"
  CHECK (num_nonnulls("reservation_id", "waitlist_entry_id") = 1);
CREATE INDEX "email_deliveries_waitlist_entry_id_idx" ON "email_deliveries" ("waitlist_entry_id");

-- 5. Offered seats are held: they count as taken for everyone else until the offer is
-- booked, declined or passed on by the expiry job (which runs every minute). Every
-- capacity check reads this view, so none needs to know about the waiting list.
-- Columns keep their names and order; `held_seats` is added at the end.
CREATE OR REPLACE VIEW "performance_availability" AS
SELECT p."id" AS "performance_id",
       (p."room_capacity" + p."additional_seats" - p."manually_occupied_seats")::int AS "capacity",
       COALESCE(c."seats", 0)::int AS "confirmed_seats",
       GREATEST(0, p."room_capacity" + p."additional_seats" - p."manually_occupied_seats"
                   - COALESCE(c."seats", 0) - COALESCE(h."seats", 0))::int AS "available_seats",
       COALESCE(h."seats", 0)::int AS "held_seats"
FROM "performances" p
LEFT JOIN LATERAL (
  SELECT SUM(r."party_size") AS "seats"
  FROM "reservations" r
  WHERE r."performance_id" = p."id" AND r."status" = 'confirmed'
) c ON true
LEFT JOIN LATERAL (
  SELECT SUM(w."party_size") AS "seats"
  FROM "waitlist_entries" w
  WHERE w."performance_id" = p."id" AND w."status" = 'offered'
) h ON true;

-- 6. Messages to the holders of a performance (an admin's text, or the notice of a
-- changed time or venue): one row per send, each email a delivery pointing at it, so
-- /admin shows how many went out and how many failed.
CREATE TABLE "performance_messages" (
  "id"              SERIAL PRIMARY KEY,
  "performance_id"  INTEGER NOT NULL REFERENCES "performances"("id") ON DELETE CASCADE,
  -- message (an admin's text), change (time or venue moved), cancellation (called off).
  "kind"            VARCHAR(20) NOT NULL CHECK ("kind" IN ('message', 'change', 'cancellation')),
  "subject"         VARCHAR(200) NOT NULL DEFAULT '',
  "body"            TEXT NOT NULL DEFAULT '',
  "subject_en"      VARCHAR(200) NOT NULL DEFAULT '',
  "body_en"         TEXT NOT NULL DEFAULT '',
  "recipients"      INTEGER NOT NULL DEFAULT 0,
  "created_by_id"   INTEGER REFERENCES "users"("id") ON DELETE SET NULL,
  "created_at"      TIMESTAMPTZ(3) NOT NULL DEFAULT now()
);
CREATE INDEX "performance_messages_performance_id_idx" ON "performance_messages" ("performance_id");

ALTER TYPE "email_kind" ADD VALUE IF NOT EXISTS 'message';
ALTER TYPE "email_kind" ADD VALUE IF NOT EXISTS 'performance_changed';
ALTER TYPE "email_kind" ADD VALUE IF NOT EXISTS 'reminder';
ALTER TABLE "email_deliveries" ADD COLUMN "message_id" INTEGER
  REFERENCES "performance_messages"("id") ON DELETE SET NULL;
CREATE INDEX "email_deliveries_message_id_idx" ON "email_deliveries" ("message_id");

-- 7. Reminders the day before (sent once: the column is set in the transaction that
-- queues the email) and the visitor's "no more reminders or messages" (the cancellation
-- notice still goes out).
ALTER TABLE "reservations" ADD COLUMN "reminder_sent_at" TIMESTAMPTZ(3);
ALTER TABLE "reservations" ADD COLUMN "messages_opt_out_at" TIMESTAMPTZ(3);
ALTER TYPE "token_purpose" ADD VALUE IF NOT EXISTS 'unsubscribe';
