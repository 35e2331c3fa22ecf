-- The three hot requests (a visitor's booking, a visitor's confirmation, an admission at
-- the door) in one round trip each: every statement of their transaction runs inside one
-- function, called with one SELECT. The rules are those of the TypeScript use cases that
-- call them (lib/reservations/create-reservation.ts, confirm-reservation.ts,
-- lib/check-ins/check-in.ts), which still name every answer. Each statement in a
-- (volatile) PL/pgSQL function takes a new snapshot, so what is read after a row lock
-- sees every change committed before the lock was granted, exactly as the separate
-- statements did.

-- One email job for a delivery row, shaped as lib/mail/email-queue.ts queues it (the task
-- name and attempts come from there): the job key names the delivery, so adding it again
-- never makes a second job.
CREATE FUNCTION "add_email_job"(delivery integer, task text, sealed_token text, max_attempts integer)
RETURNS void
-- plpgsql: the graphile_worker schema is installed after the migrations (npm run db:migrate).
LANGUAGE plpgsql VOLATILE AS $$
BEGIN
  PERFORM graphile_worker.add_job(
    task,
    json_build_object('delivery_id', delivery, 'token', sealed_token),
    max_attempts := add_email_job.max_attempts,
    job_key := 'email:' || delivery);
END $$;

-- A published performance as a visitor's booking or waiting-list request sees it
-- (readBookablePerformance, lib/reservations/bookable-performance.ts): no row for an
-- unknown performance or an unpublished show.
CREATE FUNCTION "bookable_performance"(performance integer)
RETURNS TABLE (starts_at timestamptz, is_booking_enabled boolean, cancelled boolean,
               available_seats integer)
LANGUAGE sql STABLE AS $$
  SELECT p."starts_at", p."is_booking_enabled", p."cancelled_at" IS NOT NULL, a."available_seats"
  FROM "performances" p
  JOIN "shows" s ON s."id" = p."show_id" AND s."is_published"
  JOIN "performance_availability" a ON a."performance_id" = p."id"
  WHERE p."id" = performance
$$;

-- A visitor's booking (createReservation). outcome: performance_not_found,
-- booking_closed, insufficient_seats (with available_seats), repeated (a double submit:
-- the first reservation's id) or created. Attempts of one email on one performance are
-- serialised by an advisory lock, so two taps at the same instant cannot both create one.
CREATE FUNCTION "book_reservation"(
  performance integer, visitor_name text, visitor_email text, visitor_phone text,
  party integer, visitor_notes text, visitor_locale text, at timestamptz,
  link_hash text, confirmation_ttl_hours integer, check_in_window_hours integer,
  double_submit_seconds integer, sealed_token text, email_task text, email_max_attempts integer)
RETURNS TABLE (outcome text, reservation_id integer, booking_code text,
               expires_at timestamptz, available_seats integer)
LANGUAGE plpgsql VOLATILE AS $$
#variable_conflict use_column
DECLARE
  bookable record;
  created record;
  repeated_id integer;
  delivery integer;
  token_expires timestamptz;
BEGIN
  SELECT * INTO bookable FROM "bookable_performance"(performance);
  IF NOT FOUND THEN
    RETURN QUERY SELECT 'performance_not_found', NULL::int, NULL::text, NULL::timestamptz, NULL::int;
    RETURN;
  END IF;
  IF NOT bookable.is_booking_enabled OR bookable.cancelled OR bookable.starts_at <= at THEN
    RETURN QUERY SELECT 'booking_closed', NULL::int, NULL::text, NULL::timestamptz, NULL::int;
    RETURN;
  END IF;
  IF party > bookable.available_seats THEN
    RETURN QUERY SELECT 'insufficient_seats', NULL::int, NULL::text, NULL::timestamptz,
                        bookable.available_seats;
    RETURN;
  END IF;

  PERFORM pg_advisory_xact_lock(performance, hashtext(lower(visitor_email)));
  SELECT r."id" INTO repeated_id
    FROM "reservations" r
    WHERE r."performance_id" = performance AND r."status" = 'pending'
      AND lower(r."email") = lower(visitor_email) AND r."name" = visitor_name
      AND r."party_size" = party
      AND r."created_at" > at - make_interval(secs => double_submit_seconds)
      AND EXISTS (SELECT 1 FROM "reservation_tokens" t
                  WHERE t."reservation_id" = r."id" AND t."purpose" = 'confirmation'
                    AND t."used_at" IS NULL AND t."revoked_at" IS NULL AND t."expires_at" > at)
    LIMIT 1;
  IF FOUND THEN
    RETURN QUERY SELECT 'repeated', repeated_id, NULL::text, NULL::timestamptz, NULL::int;
    RETURN;
  END IF;

  -- The booking code is drawn by the insert trigger (new_booking_code).
  INSERT INTO "reservations" ("performance_id", "name", "email", "phone", "party_size", "notes",
                              "locale", "created_at", "updated_at")
    VALUES (performance, visitor_name, visitor_email, visitor_phone, party, visitor_notes,
            visitor_locale, at, at)
    RETURNING "id", "booking_code" INTO created;
  INSERT INTO "reservation_tokens" ("reservation_id", "purpose", "token_hash", "expires_at", "created_at")
    VALUES (created."id", 'confirmation', link_hash,
            "token_expires_at"('confirmation', at, bookable.starts_at,
                               confirmation_ttl_hours, check_in_window_hours),
            at)
    RETURNING "reservation_tokens"."expires_at" INTO token_expires;
  INSERT INTO "email_deliveries" ("reservation_id", "kind") VALUES (created."id", 'confirmation')
    RETURNING "id" INTO delivery;
  PERFORM "add_email_job"(delivery, email_task, sealed_token, email_max_attempts);
  RETURN QUERY SELECT 'created', created."id", created."booking_code"::text, token_expires, NULL::int;
END $$;

-- A visitor's confirmation (confirmReservation). Locks the performance row, which
-- serialises every change that takes its seats, and the reservation row, so a
-- cancellation running now finishes first; then, in a new snapshot, reads the
-- reservation, its link and the seats left (performance_availability: confirmed seats
-- and seats held by waiting-list offers) and, only if the reservation is pending, the
-- link live, the performance open for booking (not cancelled), the email not already
-- holding a confirmed reservation here and the party fits: confirms, marks the link
-- used, issues the ticket token and queues the ticket email. Returns what was read
-- (no row for an unknown link) and whether it confirmed; a refusal writes nothing.
CREATE FUNCTION "confirm_reservation"(
  link_hash text, ticket_hash text, at timestamptz,
  confirmation_ttl_hours integer, check_in_window_hours integer,
  sealed_token text, email_task text, email_max_attempts integer)
RETURNS TABLE (token_id integer, expires_at timestamptz, used_at timestamptz,
               revoked_at timestamptz, reservation_id integer, status text, party_size integer,
               performance_id integer, bookable boolean, already_booked boolean,
               available integer, confirmed_count integer, check_in_expires_at timestamptz)
LANGUAGE plpgsql VOLATILE AS $$
#variable_conflict use_column
DECLARE
  target record;
  ticket_expires timestamptz;
  delivery integer;
BEGIN
  PERFORM 1 FROM "reservation_tokens" t
    JOIN "reservations" r ON r."id" = t."reservation_id"
    JOIN "performances" p ON p."id" = r."performance_id"
    WHERE t."token_hash" = link_hash AND t."purpose" = 'confirmation'
    FOR UPDATE OF p, r;

  SELECT t."id" AS token_id, t."expires_at", t."used_at", t."revoked_at",
         r."id" AS reservation_id, r."status"::text AS status, r."party_size", r."performance_id",
         p."starts_at",
         (p."is_booking_enabled" AND s."is_published" AND p."cancelled_at" IS NULL) AS bookable,
         a."available_seats" AS available,
         EXISTS (SELECT 1 FROM "reservations" o
                 WHERE o."performance_id" = r."performance_id" AND o."id" <> r."id"
                   AND o."status" = 'confirmed' AND o."email" <> ''
                   AND lower(o."email") = lower(r."email")) AS already_booked
    INTO target
    FROM "reservation_tokens" t
    JOIN "reservations" r ON r."id" = t."reservation_id"
    JOIN "performances" p ON p."id" = r."performance_id"
    JOIN "shows" s ON s."id" = p."show_id"
    JOIN "performance_availability" a ON a."performance_id" = p."id"
    WHERE t."token_hash" = link_hash AND t."purpose" = 'confirmation';
  IF NOT FOUND THEN RETURN; END IF;

  IF target.status = 'pending' AND target.used_at IS NULL AND target.revoked_at IS NULL
     AND target.expires_at > at AND target.bookable AND NOT target.already_booked
     AND target.party_size <= target.available THEN
    UPDATE "reservations"
      SET "status" = 'confirmed', "confirmed_at" = at, "qr_code_generated_at" = at, "updated_at" = at
      WHERE "id" = target.reservation_id;
    UPDATE "reservation_tokens" SET "used_at" = at WHERE "id" = target.token_id;
    INSERT INTO "reservation_tokens" ("reservation_id", "purpose", "token_hash", "expires_at", "created_at")
      VALUES (target.reservation_id, 'check_in', ticket_hash,
              "token_expires_at"('check_in', at, target.starts_at,
                                 confirmation_ttl_hours, check_in_window_hours),
              at)
      RETURNING "reservation_tokens"."expires_at" INTO ticket_expires;
    INSERT INTO "email_deliveries" ("reservation_id", "kind") VALUES (target.reservation_id, 'ticket')
      RETURNING "id" INTO delivery;
    PERFORM "add_email_job"(delivery, email_task, sealed_token, email_max_attempts);
  END IF;

  RETURN QUERY SELECT target.token_id, target.expires_at, target.used_at, target.revoked_at,
    target.reservation_id, target.status, target.party_size, target.performance_id,
    target.bookable, target.already_booked, target.available,
    (ticket_expires IS NOT NULL)::int, ticket_expires;
END $$;

-- Who a check-in is about: a reservation id, the hash of a ticket token, or a booking
-- code looked up at the door's performance first, then elsewhere (the soonest such
-- performance), so that a code for another evening is answered "wrong performance",
-- not "unknown". All but one of the first three are null.
CREATE FUNCTION "door_reservation_id"(reservation integer, ticket_hash text, code text, door_performance integer)
RETURNS integer
LANGUAGE sql STABLE AS $$
  SELECT COALESCE(reservation,
    (SELECT t."reservation_id" FROM "reservation_tokens" t
     WHERE t."token_hash" = ticket_hash AND t."purpose" = 'check_in'),
    (SELECT k."id" FROM "reservations" k JOIN "performances" kp ON kp."id" = k."performance_id"
     WHERE code IS NOT NULL AND k."booking_code" = code
     ORDER BY (k."performance_id" = door_performance) DESC, kp."starts_at" DESC LIMIT 1))
$$;

-- What the door sees of that reservation (lib/check-ins/check-in.ts, TicketRow): with a
-- ticket hash, that ticket's deadline; otherwise the latest live ticket's.
CREATE FUNCTION "door_ticket"(reservation integer, ticket_hash text, code text, door_performance integer)
RETURNS TABLE (reservation_id integer, status text, party_size integer, performance_id integer,
               starts_at timestamptz, show_title text, booking_code text, name text, notes text,
               performance_cancelled boolean, ticket_expires_at timestamptz, seats_in integer,
               last_admission_id integer, last_admitted_at timestamptz, last_admitted_by_name text)
LANGUAGE sql STABLE AS $$
  SELECT r."id", r."status"::text, r."party_size", r."performance_id",
         p."starts_at", s."title"::text, r."booking_code"::text, r."name"::text, r."notes",
         p."cancelled_at" IS NOT NULL,
         t."expires_at", COALESCE(c."seats", 0)::int,
         last."id", last."admitted_at", last."name"::text
  FROM "reservations" r
  JOIN "performances" p ON p."id" = r."performance_id"
  JOIN "shows" s ON s."id" = p."show_id"
  LEFT JOIN LATERAL (
    SELECT max(k."expires_at") AS "expires_at" FROM "reservation_tokens" k
    WHERE k."reservation_id" = r."id" AND k."purpose" = 'check_in' AND k."revoked_at" IS NULL
      AND (ticket_hash IS NULL OR k."token_hash" = ticket_hash)
  ) t ON true
  LEFT JOIN "check_ins" c ON c."reservation_id" = r."id"
  LEFT JOIN LATERAL (
    SELECT a."id", a."admitted_at", u."name" FROM "check_in_admissions" a
    JOIN "users" u ON u."id" = a."admitted_by_id"
    WHERE a."reservation_id" = r."id" AND a."undone_at" IS NULL
    ORDER BY a."admitted_at" DESC, a."id" DESC LIMIT 1
  ) last ON true
  WHERE r."id" = "door_reservation_id"(reservation, ticket_hash, code, door_performance)
$$;

-- An admission (confirmCheckIn). Locks the reservation row (a cancellation, another
-- scan of the same ticket or another partial admission waits), then reads the ticket
-- again in a new snapshot. A retry carrying the nonce of an admission that stands gets
-- that admission back (retried_*). Otherwise it admits `wanted_seats` (null: all still
-- outside) only when confirmCheckIn's refusalOf would refuse nothing: the expected
-- performance, not cancelled, seats still outside, confirmed, the ticket live, the doors
-- open (or overridden; doors_open_minutes null: no window) and enough seats outside; it
-- then records the admission, syncs check_ins and marks the scanned ticket used. The
-- caller names any refusal from the row returned, and audits an admission by hand in
-- the same transaction. No row: no such reservation.
-- `take_lock => false` exists only for the control run of the concurrency test.
CREATE FUNCTION "door_check_in"(
  reservation integer, ticket_hash text, code text, door_performance integer,
  expected_performance integer, at timestamptz, doors_open_minutes integer,
  override_window boolean, wanted_seats integer, admission_source "check_in_source",
  staff integer, admission_nonce text, take_lock boolean)
RETURNS TABLE (reservation_id integer, status text, party_size integer, performance_id integer,
               starts_at timestamptz, show_title text, booking_code text, name text, notes text,
               performance_cancelled boolean, ticket_expires_at timestamptz, seats_in integer,
               last_admission_id integer, last_admitted_at timestamptz, last_admitted_by_name text,
               retried_id integer, retried_at timestamptz, retried_by_id integer, retried_seats integer,
               admission_id integer, admitted_seats integer, outside_window boolean)
LANGUAGE plpgsql VOLATILE AS $$
#variable_conflict use_column
DECLARE
  locked integer;
  ticket record;
  retried record;
  admitted integer;
  outside boolean;
  created integer;
BEGIN
  IF take_lock THEN
    SELECT r."id" INTO locked FROM "reservations" r
      WHERE r."id" = "door_reservation_id"(reservation, ticket_hash, code, door_performance)
      FOR UPDATE;
  ELSE
    SELECT r."id" INTO locked FROM "reservations" r
      WHERE r."id" = "door_reservation_id"(reservation, ticket_hash, code, door_performance);
  END IF;
  IF locked IS NULL THEN RETURN; END IF;
  SELECT * INTO ticket FROM "door_ticket"(locked, ticket_hash, NULL, NULL);

  IF admission_nonce IS NOT NULL THEN
    SELECT a."id", a."admitted_at", a."admitted_by_id", a."seats" INTO retried
      FROM "check_in_admissions" a
      WHERE a."reservation_id" = locked AND a."nonce" = admission_nonce AND a."undone_at" IS NULL
      LIMIT 1;
    IF FOUND THEN
      RETURN QUERY SELECT ticket.reservation_id, ticket.status, ticket.party_size, ticket.performance_id,
      ticket.starts_at, ticket.show_title, ticket.booking_code, ticket.name, ticket.notes,
      ticket.performance_cancelled, ticket.ticket_expires_at, ticket.seats_in,
      ticket.last_admission_id, ticket.last_admitted_at, ticket.last_admitted_by_name,
      retried."id", retried."admitted_at", retried."admitted_by_id",
                          retried."seats", NULL::int, NULL::int, NULL::boolean;
      RETURN;
    END IF;
  END IF;

  admitted := COALESCE(wanted_seats, ticket.party_size - ticket.seats_in);
  outside := doors_open_minutes IS NOT NULL
             AND at < ticket.starts_at - make_interval(mins => doors_open_minutes);
  IF (expected_performance IS NULL OR ticket.performance_id = expected_performance)
     AND NOT ticket.performance_cancelled
     AND ticket.seats_in < ticket.party_size
     AND ticket.status = 'confirmed'
     AND ticket.ticket_expires_at > at
     AND (NOT outside OR override_window)
     AND admitted <= ticket.party_size - ticket.seats_in THEN
    INSERT INTO "check_in_admissions" ("reservation_id", "seats", "source", "admitted_at",
                                       "admitted_by_id", "outside_window", "nonce")
      VALUES (locked, admitted, admission_source, at, staff, outside, admission_nonce)
      RETURNING "id" INTO created;
    PERFORM "sync_check_in"(locked);
    IF ticket_hash IS NOT NULL THEN
      UPDATE "reservation_tokens" SET "used_at" = at WHERE "token_hash" = ticket_hash;
    END IF;
  END IF;

  RETURN QUERY SELECT ticket.reservation_id, ticket.status, ticket.party_size, ticket.performance_id,
      ticket.starts_at, ticket.show_title, ticket.booking_code, ticket.name, ticket.notes,
      ticket.performance_cancelled, ticket.ticket_expires_at, ticket.seats_in,
      ticket.last_admission_id, ticket.last_admitted_at, ticket.last_admitted_by_name,
      NULL::int, NULL::timestamptz, NULL::int, NULL::int,
                      created, CASE WHEN created IS NULL THEN NULL ELSE admitted END,
                      CASE WHEN created IS NULL THEN NULL ELSE outside END;
END $$;
