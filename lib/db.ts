import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { config } from "@/lib/config";
import { PrismaClient } from "@/lib/generated/prisma/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import { onShutdown, SHUTDOWN_ORDER } from "@/lib/operations/server-runtime";

export type { PrismaClient };
/** A client or an open transaction: what read-only and single-statement domain functions accept. */
export type Db = PrismaClient | Prisma.TransactionClient;

export type PoolSettings = {
  poolSize: number;
  connectionTimeoutMs: number;
  statementTimeoutMs: number;
  lockTimeoutMs: number;
};

/**
 * The connection pool, with deliberate limits: a statement running longer than
 * `statementTimeoutMs`, or waiting longer than `lockTimeoutMs` for a row lock, is
 * cancelled by PostgreSQL, and a request waits at most `connectionTimeoutMs` for a
 * connection. A slow or locked database then fails requests quickly (answered 503 with
 * Retry-After, see lib/operations/database-unavailable.ts) instead of piling them up.
 */
export function createPool(connectionString: string, settings: PoolSettings): pg.Pool {
  const pool = new pg.Pool({
    connectionString,
    max: settings.poolSize,
    connectionTimeoutMillis: settings.connectionTimeoutMs,
    statement_timeout: settings.statementTimeoutMs,
    lock_timeout: settings.lockTimeoutMs,
    // A transaction left open by a crashed request must not hold its locks for long.
    idle_in_transaction_session_timeout: Math.max(settings.statementTimeoutMs, 10_000),
  });
  // A connection that dies while idle (PostgreSQL restarted, pg_terminate_backend) is
  // dropped from the pool; without a listener the error would crash the process.
  pool.on("error", () => undefined);
  return pool;
}

/** The pool with the process's configured limits. */
function configuredPool(connectionString: string): pg.Pool {
  const c = config();
  return createPool(connectionString, {
    poolSize: c.DATABASE_POOL_SIZE,
    connectionTimeoutMs: c.DATABASE_CONNECTION_TIMEOUT_MS,
    statementTimeoutMs: c.DATABASE_STATEMENT_TIMEOUT_MS,
    lockTimeoutMs: c.DATABASE_LOCK_TIMEOUT_MS,
  });
}

/** A client on its own pool, which `$disconnect()` closes. */
export function createPrismaClient(connectionString = config().DATABASE_URL): PrismaClient {
  return prismaOnPool(configuredPool(connectionString), config().DATABASE_CONNECTION_TIMEOUT_MS);
}

/** A Prisma client over `pool`; `$disconnect()` closes the pool. */
export function prismaOnPool(pool: pg.Pool, maxWaitMs: number): PrismaClient {
  // A burst of bookings queues for the pool's connections: let a transaction wait as long
  // as a query would (Prisma's own default, 2 s, turns a rush into errors).
  return new PrismaClient({
    adapter: new PrismaPg(pool, { disposeExternalPool: true }),
    transactionOptions: { maxWait: maxWaitMs, timeout: 10_000 },
  });
}

// One client per process; in development it survives hot reloads on globalThis.
const globalForDb = globalThis as unknown as { azioneDb?: PrismaClient; azionePool?: pg.Pool };

function getDb(): PrismaClient {
  if (!globalForDb.azioneDb) {
    const pool = configuredPool(config().DATABASE_URL);
    const client = prismaOnPool(pool, config().DATABASE_CONNECTION_TIMEOUT_MS);
    globalForDb.azionePool = pool;
    globalForDb.azioneDb = client;
    onShutdown({
      name: "database pool",
      order: SHUTDOWN_ORDER.database,
      run: () => client.$disconnect(),
    });
  }
  return globalForDb.azioneDb;
}

/** The process's pool (for its metrics), once the client was first used. */
export function processPool(): pg.Pool | undefined {
  return globalForDb.azionePool;
}

// Created on first use, so that importing this module (e.g. during `next build`) needs no configuration.
export const db: PrismaClient = new Proxy({} as PrismaClient, {
  get(_target, property) {
    const client = getDb();
    const value = Reflect.get(client, property, client);
    return typeof value === "function" ? value.bind(client) : value;
  },
});
