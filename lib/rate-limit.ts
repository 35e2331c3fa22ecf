import { createHash } from "node:crypto";
import pg from "pg";
import { RateLimiterPostgres, RateLimiterRes } from "rate-limiter-flexible";
import { config } from "@/lib/config";

/** Attempts allowed per key per window. Counters live in PostgreSQL, shared by all instances. */
export const RATE_LIMITS = {
  booking: { points: 10, duration: 10 * 60 }, // per client address
  resend: { points: 3, duration: 10 * 60 }, // per reservation
  confirm: { points: 30, duration: 10 * 60 }, // per client address
  lost_ticket: { points: 3, duration: 60 * 60 }, // per email and per address
  login: { points: 5, duration: 15 * 60 }, // failed sign-ins per (account, address)
  login_address: { points: 20, duration: 15 * 60 }, // failed sign-ins per address, any account
  check_in: { points: 300, duration: 60 }, // per staff user: a busy door, not a script
  door_search: { points: 60, duration: 60 }, // per staff user: names are personal data
} as const;

export type RateLimitName = keyof typeof RATE_LIMITS;

export type RateLimitResult = { ok: true } | { ok: false; retryAfterSeconds: number };

const globalForLimits = globalThis as unknown as {
  azioneRateLimits?: Map<RateLimitName, RateLimiterPostgres>;
  azioneRateLimitPool?: pg.Pool;
};

function limiter(name: RateLimitName): RateLimiterPostgres {
  globalForLimits.azioneRateLimits ??= new Map();
  let existing = globalForLimits.azioneRateLimits.get(name);
  if (!existing) {
    globalForLimits.azioneRateLimitPool ??= new pg.Pool({
      connectionString: config().DATABASE_URL,
      max: 3,
      connectionTimeoutMillis: config().DATABASE_CONNECTION_TIMEOUT_MS,
    });
    existing = new RateLimiterPostgres({
      storeClient: globalForLimits.azioneRateLimitPool,
      storeType: "pool",
      tableName: "rate_limits",
      tableCreated: true, // created by a migration
      clearExpiredByTimeout: false, // retention:purge deletes expired rows
      keyPrefix: name,
      ...RATE_LIMITS[name],
    });
    globalForLimits.azioneRateLimits.set(name, existing);
  }
  return existing;
}

function hashKey(key: string): string {
  return createHash("sha256").update(key.toLowerCase()).digest("hex").slice(0, 32);
}

/** Counts one attempt for `key` (an email, address or id; stored only as a hash). RATE_LIMIT=off allows everything. */
export async function consumeRateLimit(name: RateLimitName, key: string): Promise<RateLimitResult> {
  if (config().RATE_LIMIT === "off") return { ok: true };
  try {
    await limiter(name).consume(hashKey(key));
    return { ok: true };
  } catch (rejection) {
    if (rejection instanceof RateLimiterRes)
      return {
        ok: false,
        retryAfterSeconds: Math.max(1, Math.ceil(rejection.msBeforeNext / 1000)),
      };
    throw rejection;
  }
}

/** Several limits at once (e.g. per account and per address); refused if any refuses. */
export async function consumeRateLimits(
  checks: [RateLimitName, string][],
): Promise<RateLimitResult> {
  const results = await Promise.all(checks.map(([name, key]) => consumeRateLimit(name, key)));
  const refused = results.filter((result) => !result.ok);
  return refused.length === 0
    ? { ok: true }
    : { ok: false, retryAfterSeconds: Math.max(...refused.map((r) => r.retryAfterSeconds)) };
}

/** Gives back the points `consumeRateLimits` took, e.g. after a successful sign-in, so only failures count. */
export async function refundRateLimits(checks: [RateLimitName, string][]): Promise<void> {
  if (config().RATE_LIMIT === "off") return;
  await Promise.all(checks.map(([name, key]) => limiter(name).reward(hashKey(key), 1)));
}
