import type { PrismaClient } from "@/lib/db";
import { checkDatabase } from "@/lib/health";

/**
 * The newest migration this code needs. A test pins it to the last folder in
 * prisma/migrations, so it cannot be forgotten when a migration is added; the standalone
 * server does not ship the migration files, so the name is compiled in.
 */
export const LATEST_MIGRATION = "20261202030000_waitlist";

export type Readiness = {
  ok: boolean;
  database: "ok" | "unavailable";
  migrations: "current" | "pending" | "unknown";
};

/**
 * Whether this instance should get traffic: the database answers and holds every
 * migration the code expects (an instance started before `db:migrate` ran is not ready).
 */
export async function checkReadiness(db: PrismaClient): Promise<Readiness> {
  const database = await checkDatabase(db);
  if (!database.ok) return { ok: false, database: "unavailable", migrations: "unknown" };
  const rows = await db.$queryRaw<{ applied: boolean }[]>`
    SELECT EXISTS (
      SELECT 1 FROM _prisma_migrations
      WHERE migration_name = ${LATEST_MIGRATION} AND finished_at IS NOT NULL
        AND rolled_back_at IS NULL
    ) AS applied`.catch(() => [{ applied: false }]);
  const current = rows[0]?.applied === true;
  return { ok: current, database: "ok", migrations: current ? "current" : "pending" };
}
