import { PrismaPg } from "@prisma/adapter-pg";
import { config } from "@/lib/config";
import { PrismaClient } from "@/lib/generated/prisma/client";
import type { Prisma } from "@/lib/generated/prisma/client";

export type { PrismaClient };
/** A client or an open transaction: what read-only and single-statement domain functions accept. */
export type Db = PrismaClient | Prisma.TransactionClient;

export function createPrismaClient(connectionString = config().DATABASE_URL): PrismaClient {
  const { DATABASE_POOL_SIZE, DATABASE_CONNECTION_TIMEOUT_MS } = config();
  const adapter = new PrismaPg({
    connectionString,
    max: DATABASE_POOL_SIZE,
    connectionTimeoutMillis: DATABASE_CONNECTION_TIMEOUT_MS,
  });
  // A burst of bookings queues for the pool's connections: let a transaction wait as long
  // as a query would (Prisma's own default, 2 s, turns a rush into errors).
  return new PrismaClient({
    adapter,
    transactionOptions: { maxWait: DATABASE_CONNECTION_TIMEOUT_MS, timeout: 10_000 },
  });
}

// One client per process; in development it survives hot reloads on globalThis.
const globalForDb = globalThis as unknown as { azioneDb?: PrismaClient };

function getDb(): PrismaClient {
  globalForDb.azioneDb ??= createPrismaClient();
  return globalForDb.azioneDb;
}

// Created on first use, so that importing this module (e.g. during `next build`) needs no configuration.
export const db: PrismaClient = new Proxy({} as PrismaClient, {
  get(_target, property) {
    const client = getDb();
    const value = Reflect.get(client, property, client);
    return typeof value === "function" ? value.bind(client) : value;
  },
});
