-- One definition of the available seats, read by the confirmation transaction, the
-- admin dashboard and every public page (PRODUCT.md §3): room + additional - manually
-- occupied - the party sizes of confirmed reservations. Pending reservations hold nothing.
CREATE VIEW "performance_availability" AS
SELECT p."id" AS "performance_id",
       (p."room_capacity" + p."additional_seats" - p."manually_occupied_seats")::int AS "capacity",
       COALESCE(c."seats", 0)::int AS "confirmed_seats",
       GREATEST(0, p."room_capacity" + p."additional_seats" - p."manually_occupied_seats"
                   - COALESCE(c."seats", 0))::int AS "available_seats"
FROM "performances" p
LEFT JOIN LATERAL (
  SELECT SUM(r."party_size") AS "seats"
  FROM "reservations" r
  WHERE r."performance_id" = p."id" AND r."status" = 'confirmed'
) c ON true;

-- When a token stops working, as one rule: a confirmation link after the TTL from its
-- issue or at curtain time, whichever is first; a ticket when the check-in window after
-- the start closes. Used when a token is issued and again, in the same transaction,
-- when its performance moves, so a stored deadline always matches the performance.
CREATE FUNCTION "token_expires_at"(
  "purpose" "token_purpose",
  "issued_at" TIMESTAMPTZ,
  "starts_at" TIMESTAMPTZ,
  "confirmation_ttl_hours" INTEGER,
  "check_in_window_hours" INTEGER
) RETURNS TIMESTAMPTZ
LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$
  SELECT CASE "purpose"
    WHEN 'confirmation' THEN LEAST("issued_at" + make_interval(hours => "confirmation_ttl_hours"), "starts_at")
    ELSE "starts_at" + make_interval(hours => "check_in_window_hours")
  END
$$;

-- A door volunteer or an admin may let a party in by hand; the check-in says which.
ALTER TYPE "check_in_source" ADD VALUE IF NOT EXISTS 'admin';
