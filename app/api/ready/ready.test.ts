import { readdirSync } from "node:fs";
import { afterAll, describe, expect, it } from "vitest";
import { GET } from "@/app/api/ready/route";
import { db } from "@/lib/db";
import { startRunnerInApp, stopRunnerInApp } from "@/lib/jobs/configured-runner";
import { MIGRATIONS_DIR } from "@/lib/migrate";
import { LATEST_MIGRATION } from "@/lib/operations/readiness";
import { serverRuntime } from "@/lib/operations/server-runtime";

async function eventually(check: () => Promise<boolean>, timeoutMs = 15_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error("condition not met in time");
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe("readiness", () => {
  afterAll(() => stopRunnerInApp("test over"));

  it("names the newest migration in prisma/migrations", () => {
    const folders = readdirSync(MIGRATIONS_DIR, { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => entry.name)
      .sort();
    expect(LATEST_MIGRATION).toBe(folders.at(-1));
  });

  it("is not ready until the job runner runs, then ready; not while the newest migration is missing, nor once stopping", async () => {
    const before = await GET();
    expect(before.status).toBe(503);
    expect(await before.json()).toMatchObject({ job_runner: "not_started" });

    startRunnerInApp();
    await eventually(async () => (await GET()).status === 200);
    expect(await (await GET()).json()).toEqual({
      status: "ready",
      database: "ok",
      migrations: "current",
      job_runner: "running",
    });

    serverRuntime().shuttingDown = true;
    const stopping = await GET();
    serverRuntime().shuttingDown = false;
    expect(stopping.status).toBe(503);
    expect(await stopping.json()).toMatchObject({ status: "unavailable", stopping: true });

    await db.$executeRaw`UPDATE _prisma_migrations SET finished_at = NULL WHERE migration_name = ${LATEST_MIGRATION}`;
    const pending = await GET();
    expect(pending.status).toBe(503);
    expect(pending.headers.get("retry-after")).toBe("5");
    expect(await pending.json()).toMatchObject({ status: "unavailable", migrations: "pending" });
  });
});
