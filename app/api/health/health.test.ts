import { describe, expect, it } from "vitest";
import { GET } from "@/app/api/health/route";
import { createPrismaClient } from "@/lib/db";
import { checkDatabase } from "@/lib/health";

describe("health", () => {
  it("GET /api/health answers ok after a database round trip", async () => {
    const response = await GET();
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: "ok" });
  });

  it("reports a database that does not answer, without its connection string", async () => {
    const unreachable = createPrismaClient(
      "postgresql://azione:secret-password@127.0.0.1:1/nowhere",
    );
    const health = await checkDatabase(unreachable, 2000);
    expect(health.ok).toBe(false);
    expect(JSON.stringify(health)).not.toContain("secret-password");
    await unreachable.$disconnect();
  });
});
