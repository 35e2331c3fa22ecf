import type { PrismaClient } from "@/lib/db";

// A load balancer must get an answer even when PostgreSQL hangs rather than refuses.
const DATABASE_TIMEOUT_MS = 3000;

export type DatabaseHealth = { ok: true } | { ok: false; error: string };

/** One round trip to the database, bounded in time; the error never carries a connection string. */
export async function checkDatabase(
  db: PrismaClient,
  timeoutMs = DATABASE_TIMEOUT_MS,
): Promise<DatabaseHealth> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    await Promise.race([
      db.$queryRaw`SELECT 1`,
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error("timeout")), timeoutMs);
      }),
    ]);
    return { ok: true };
  } catch (error) {
    const message = error instanceof Error ? `${error.name}: ${error.message}` : "unknown error";
    return {
      ok: false,
      error: message.replace(/postgres(?:ql)?:\/\/\S+/gi, "postgresql://[redacted]").slice(0, 500),
    };
  } finally {
    clearTimeout(timer);
  }
}
