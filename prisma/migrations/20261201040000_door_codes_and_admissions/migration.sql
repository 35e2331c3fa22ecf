-- The door (issue 16): short booking codes, name search, partial admission and undo.

-- 1. True sources: a typed booking code, a name-search result, a pasted ticket link.
ALTER TYPE "check_in_source" ADD VALUE IF NOT EXISTS 'code';
ALTER TYPE "check_in_source" ADD VALUE IF NOT EXISTS 'search';
ALTER TYPE "check_in_source" ADD VALUE IF NOT EXISTS 'link';

-- 2. Short booking codes: 6 characters from an alphabet without look-alikes (no 0/O,
-- 1/I/L), unique per performance. 31^6 ~ 887
-- million codes, so a free one is found at the first draw in practice; the loop and the
-- unique index cover the rest. A trigger fills the code in the inserting transaction, so
-- every path that creates a reservation (booking, seed, tests) gets one.
CREATE FUNCTION "new_booking_code"(performance integer) RETURNS text
LANGUAGE plpgsql VOLATILE AS $$
DECLARE
  alphabet constant text := '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
  candidate text;
BEGIN
  LOOP
    SELECT string_agg(substr(alphabet, 1 + floor(random() * length(alphabet))::int, 1), '')
      INTO candidate FROM generate_series(1, 6);
    PERFORM 1 FROM "reservations" WHERE "performance_id" = performance AND "booking_code" = candidate;
    IF NOT FOUND THEN RETURN candidate; END IF;
  END LOOP;
END $$;

ALTER TABLE "reservations" ADD COLUMN "booking_code" varchar(8);
UPDATE "reservations" SET "booking_code" = "new_booking_code"("performance_id");
ALTER TABLE "reservations" ALTER COLUMN "booking_code" SET NOT NULL;
ALTER TABLE "reservations" ADD CONSTRAINT "reservations_booking_code_format"
  CHECK ("booking_code" ~ '^[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{6,8}$');
CREATE UNIQUE INDEX "reservations_performance_id_booking_code_key"
  ON "reservations" ("performance_id", "booking_code");
-- A code typed at the wrong performance's door is still found, to say so.
CREATE INDEX "reservations_booking_code_idx" ON "reservations" ("booking_code");

CREATE FUNCTION "reservations_fill_booking_code"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF NEW."booking_code" IS NULL THEN
    NEW."booking_code" := "new_booking_code"(NEW."performance_id");
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER "reservations_fill_booking_code" BEFORE INSERT ON "reservations"
  FOR EACH ROW EXECUTE FUNCTION "reservations_fill_booking_code"();

-- 3. Name search at the door, accent- and case-insensitive: the folded name is a stored
-- generated column (unaccent is not immutable and not in every PostgreSQL build).
CREATE FUNCTION "door_fold"(value text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT translate(lower(value),
    'àáâãäåāăąçćčďèéêëēėęěìíîïīįıľłñńňòóôõöøōőŕřśšşťùúûüūůűųýÿžźż''’',
    'aaaaaaaaaccdeeeeeeeeiiiiiiillnnnoooooooorrsssstuuuuuuuuyyzzz  ')
$$;
ALTER TABLE "reservations" ADD COLUMN "door_name" text
  GENERATED ALWAYS AS ("door_fold"("name")) STORED;

-- 4. Partial admission and undo. Each admission of part (or all) of a party is a row;
-- an undo marks it undone. check_ins stays the one-row-per-reservation summary (first
-- admission, seats currently in), rebuilt from the admissions by sync_check_in in the
-- same transaction, so every reader of check_ins keeps working.
CREATE TABLE "check_in_admissions" (
  "id" SERIAL PRIMARY KEY,
  "reservation_id" integer NOT NULL REFERENCES "reservations"("id") ON DELETE RESTRICT,
  "seats" integer NOT NULL CHECK ("seats" > 0),
  "source" "check_in_source" NOT NULL,
  "admitted_at" timestamptz(3) NOT NULL DEFAULT now(),
  "admitted_by_id" integer NOT NULL REFERENCES "users"("id") ON DELETE RESTRICT,
  -- Set when the door admitted outside the doors-open window on purpose.
  "outside_window" boolean NOT NULL DEFAULT false,
  "nonce" varchar(64),
  "undone_at" timestamptz(3),
  "undone_by_id" integer REFERENCES "users"("id") ON DELETE RESTRICT,
  CHECK (("undone_at" IS NULL) = ("undone_by_id" IS NULL))
);
CREATE INDEX "check_in_admissions_reservation_id_idx" ON "check_in_admissions" ("reservation_id");
CREATE UNIQUE INDEX "check_in_admissions_reservation_id_nonce_key"
  ON "check_in_admissions" ("reservation_id", "nonce");

ALTER TABLE "check_ins" ADD COLUMN "seats" integer;
UPDATE "check_ins" c SET "seats" = r."party_size" FROM "reservations" r WHERE r."id" = c."reservation_id";
ALTER TABLE "check_ins" ALTER COLUMN "seats" SET NOT NULL;
ALTER TABLE "check_ins" ADD CONSTRAINT "check_ins_seats_positive" CHECK ("seats" > 0);

INSERT INTO "check_in_admissions" ("reservation_id", "seats", "source", "admitted_at", "admitted_by_id", "nonce")
SELECT "reservation_id", "seats", "source", "checked_in_at", "checked_in_by_id", "nonce" FROM "check_ins";

CREATE FUNCTION "sync_check_in"(reservation integer) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
  first_admission record;
  seats_in integer;
BEGIN
  SELECT COALESCE(sum("seats"), 0) INTO seats_in
    FROM "check_in_admissions" WHERE "reservation_id" = reservation AND "undone_at" IS NULL;
  IF seats_in = 0 THEN
    DELETE FROM "check_ins" WHERE "reservation_id" = reservation;
    RETURN;
  END IF;
  SELECT * INTO first_admission FROM "check_in_admissions"
    WHERE "reservation_id" = reservation AND "undone_at" IS NULL
    ORDER BY "admitted_at", "id" LIMIT 1;
  INSERT INTO "check_ins" ("reservation_id", "checked_in_at", "checked_in_by_id", "source", "nonce", "seats", "updated_at")
  VALUES (reservation, first_admission."admitted_at", first_admission."admitted_by_id",
          first_admission."source", first_admission."nonce", seats_in, now())
  ON CONFLICT ("reservation_id") DO UPDATE SET
    "checked_in_at" = EXCLUDED."checked_in_at", "checked_in_by_id" = EXCLUDED."checked_in_by_id",
    "source" = EXCLUDED."source", "nonce" = EXCLUDED."nonce", "seats" = EXCLUDED."seats",
    "updated_at" = now();
END $$;
