// Untimed preparation: the rows each scenario starts from, written with plain SQL in a
// few statements (thousands of reservations in well under a second).
import { randomBytes } from "node:crypto";
import type pg from "pg";
import { hashPassword } from "@/lib/passwords";
import { generateToken, hashToken } from "@/lib/tokens";

export type Sql = pg.Pool | pg.Client | pg.PoolClient;

export type BenchPerformance = { performanceId: number; showSlug: string };

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * A show (published or not) with one bookable performance in its own venue, a week from
 * now unless `startsInMs` says otherwise (the door scenarios need their doors open).
 */
export async function createBenchPerformance(
  sql: Sql,
  {
    label,
    capacity,
    published = false,
    startsInMs = 7 * DAY_MS,
  }: { label: string; capacity: number; published?: boolean; startsInMs?: number },
): Promise<BenchPerformance> {
  const suffix = randomBytes(3).toString("hex");
  const showSlug = `bench-${label}-${suffix}`;
  const { rows } = await sql.query<{ id: number }>(
    `WITH show AS (
       INSERT INTO shows (title, slug, summary, is_published, updated_at)
       VALUES ($1, $2, 'Benchmark data.', $3, now()) RETURNING id
     ), venue AS (
       INSERT INTO venues (name, slug, address, city, updated_at)
       VALUES ('Sala Benchmark', $2, 'Via dei Volsci 22', 'Roma', now()) RETURNING id
     )
     INSERT INTO performances (show_id, venue_id, starts_at, room_capacity, updated_at)
     SELECT show.id, venue.id, $4, $5, now() FROM show, venue RETURNING id`,
    [`Bench ${label}`, showSlug, published, new Date(Date.now() + startsInMs), capacity],
  );
  return { performanceId: rows[0].id, showSlug };
}

async function insertReservationsWithTokens(
  sql: Sql,
  {
    performanceId,
    count,
    partySize,
    status,
    purpose,
  }: {
    performanceId: number;
    count: number;
    partySize: number;
    status: "pending" | "confirmed";
    purpose: "confirmation" | "check_in";
  },
): Promise<string[]> {
  const tokens = Array.from({ length: count }, () => generateToken());
  await sql.query(
    `WITH inserted AS (
       INSERT INTO reservations (performance_id, status, name, email, party_size, confirmed_at, updated_at)
       SELECT $1, $2::reservation_status, 'Bench visitor ' || i, 'bench-' || i || '@example.org', $3,
              CASE WHEN $2 = 'confirmed' THEN now() END, now()
       FROM generate_series(1, $4) AS i
       RETURNING id
     ), numbered AS (
       SELECT id, row_number() OVER (ORDER BY id) AS n FROM inserted
     )
     INSERT INTO reservation_tokens (reservation_id, purpose, token_hash, expires_at)
     SELECT numbered.id, $5::token_purpose, hashes.hash,
            CASE WHEN $5 = 'check_in' THEN p.starts_at + interval '6 hours' ELSE now() + interval '24 hours' END
     FROM numbered
     JOIN unnest($6::text[]) WITH ORDINALITY AS hashes(hash, n) ON hashes.n = numbered.n
     JOIN performances p ON p.id = $1`,
    [performanceId, status, partySize, count, purpose, tokens.map(hashToken)],
  );
  return tokens;
}

/** `count` pending reservations of `partySize`; returns their raw confirmation tokens. */
export function insertPendingReservations(
  sql: Sql,
  performanceId: number,
  count: number,
  partySize = 1,
): Promise<string[]> {
  return insertReservationsWithTokens(sql, {
    performanceId,
    count,
    partySize,
    status: "pending",
    purpose: "confirmation",
  });
}

/** `count` confirmed one-seat reservations; returns the raw check-in (ticket) tokens. */
export function insertConfirmedTickets(
  sql: Sql,
  performanceId: number,
  count: number,
): Promise<string[]> {
  return insertReservationsWithTokens(sql, {
    performanceId,
    count,
    partySize: 1,
    status: "confirmed",
    purpose: "check_in",
  });
}

export type StaffCredentials = { userId: number; email: string; password: string };

/** A staff account with a random password, for signing in over HTTP. */
export async function createStaffUser(sql: Sql): Promise<StaffCredentials> {
  const email = `bench-staff-${randomBytes(3).toString("hex")}@example.org`;
  const password = `Bench-${randomBytes(12).toString("base64url")}`;
  const { rows } = await sql.query<{ id: number }>(
    `INSERT INTO users (email, name, password_hash, role, updated_at) VALUES ($1, 'Bench door', $2, 'STAFF', now()) RETURNING id`,
    [email, await hashPassword(password)],
  );
  return { userId: rows[0].id, email, password };
}
