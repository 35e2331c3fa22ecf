import { afterEach, expect, test, vi } from "vitest";
import { startEmbeddedPostgres } from "@/lib/embedded-postgres";

afterEach(() => {
  vi.unstubAllEnvs();
});

test("production never falls back to the embedded PostgreSQL", async () => {
  vi.stubEnv("NODE_ENV", "production");
  await expect(startEmbeddedPostgres("azionelab")).rejects.toThrow(
    /DATABASE_URL is not set\. In production it must name the PostgreSQL server/,
  );
});
