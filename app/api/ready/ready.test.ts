import { readdirSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { GET } from "@/app/api/ready/route";
import { db } from "@/lib/db";
import { MIGRATIONS_DIR } from "@/lib/migrate";
import { LATEST_MIGRATION } from "@/lib/operations/readiness";

describe("readiness", () => {
  it("names the newest migration in prisma/migrations", () => {
    const folders = readdirSync(MIGRATIONS_DIR, { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => entry.name)
      .sort();
    expect(LATEST_MIGRATION).toBe(folders.at(-1));
  });

  it("is ready on a migrated database, and not while the newest migration is missing", async () => {
    const ready = await GET();
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: "ready", database: "ok", migrations: "current" });

    await db.$executeRaw`UPDATE _prisma_migrations SET finished_at = NULL WHERE migration_name = ${LATEST_MIGRATION}`;
    const pending = await GET();
    expect(pending.status).toBe(503);
    expect(pending.headers.get("retry-after")).toBe("5");
    expect(await pending.json()).toMatchObject({ status: "unavailable", migrations: "pending" });
  });
});
