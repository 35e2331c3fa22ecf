import { afterEach, describe, expect, it, vi } from "vitest";

async function load(trustProxy: "on" | "off") {
  vi.resetModules();
  vi.stubEnv("TRUST_PROXY", trustProxy);
  return (await import("@/web/http/client-address")).clientAddress;
}

describe("clientAddress", () => {
  afterEach(() => vi.unstubAllEnvs());

  it("uses the TCP peer and ignores a forged X-Forwarded-For when no proxy is trusted", async () => {
    const clientAddress = await load("off");
    expect(
      clientAddress(
        new Headers({ "x-client-address": "203.0.113.7", "x-forwarded-for": "1.2.3.4" }),
      ),
    ).toBe("203.0.113.7");
  });

  it("uses the entry our proxy appended, not the ones the client sent", async () => {
    const clientAddress = await load("on");
    expect(
      clientAddress(
        new Headers({ "x-client-address": "10.0.0.2", "x-forwarded-for": "1.2.3.4, 198.51.100.9" }),
      ),
    ).toBe("198.51.100.9");
  });
});
