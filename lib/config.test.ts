import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { parseConfig } from "@/lib/config";

const base = { DATABASE_URL: "postgresql://postgres@127.0.0.1:5432/azionelab" };

describe("configuration", () => {
  it("has the documented defaults", () => {
    expect(parseConfig(base)).toMatchObject({
      EMAIL_TRANSPORT: "file",
      RATE_LIMIT: "on",
      TIME_ZONE: "Europe/Rome",
      DEFAULT_LOCALE: "it",
      MAX_PARTY_SIZE: 10,
      CONFIRMATION_TTL_HOURS: 24,
      CHECKIN_WINDOW_HOURS: 6,
      RETENTION_DAYS: 90,
      PORT: 3000,
    });
  });

  it("treats empty values as unset and coerces numbers", () => {
    expect(parseConfig({ ...base, MAX_PARTY_SIZE: "6", RATE_LIMIT: "" })).toMatchObject({
      MAX_PARTY_SIZE: 6,
      RATE_LIMIT: "on",
    });
  });

  it("fails fast, naming every problem", () => {
    const parse = () =>
      parseConfig({ DATABASE_URL: "mysql://x", MAX_PARTY_SIZE: "zero", RATE_LIMIT: "maybe" });
    for (const name of ["DATABASE_URL", "MAX_PARTY_SIZE", "RATE_LIMIT"])
      expect(parse).toThrow(name);
  });

  it("requires the production settings in production, and honours an explicit file transport there", () => {
    expect(() => parseConfig({ ...base, NODE_ENV: "production" })).toThrow(
      /RESEND_API_KEY[\s\S]*NEXTAUTH_SECRET[\s\S]*APP_URL/,
    );
    const env = {
      ...base,
      NODE_ENV: "production",
      EMAIL_TRANSPORT: "file",
      NEXTAUTH_SECRET: "pV3q9Zt0m2WcYbK7rLx8Hn4dFj6sAe1uGi5oTk0yQ2M=",
      APP_URL: "https://azionelab.example",
    };
    expect(parseConfig(env)).toMatchObject({
      EMAIL_TRANSPORT: "file",
      APP_URL: "https://azionelab.example",
    });
  });

  describe("NEXTAUTH_SECRET in production", () => {
    const production = {
      ...base,
      NODE_ENV: "production",
      EMAIL_TRANSPORT: "file",
      APP_URL: "https://azionelab.example",
    };
    const withSecret = (secret: string) => () =>
      parseConfig({ ...production, NEXTAUTH_SECRET: secret });

    it("refuses the .env.example value and says how to make a secret", () => {
      expect(withSecret("change-me-to-a-long-random-secret")).toThrow(
        /NEXTAUTH_SECRET: is the placeholder from \.env\.example.*openssl rand -base64 32/,
      );
    });

    it("refuses fewer than 32 bytes", () => {
      expect(withSecret("pV3q9Zt0m2WcYbK7rLx8Hn4dFj6sAe1")).toThrow(/31 bytes.*openssl rand/);
    });

    it("refuses obviously low-entropy values", () => {
      // The audit's 16 identical characters: too short and low-entropy.
      expect(withSecret("a".repeat(16))).toThrow(/NEXTAUTH_SECRET.*openssl rand -base64 32/);
      for (const secret of [
        "a".repeat(64),
        "abababababababababababababababab",
        "0123456789".repeat(4),
        "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaabcdefghij",
      ])
        expect(withSecret(secret), secret).toThrow(/low-entropy.*openssl rand -base64 32/);
    });

    it("accepts what openssl rand -base64 32 and -hex 32 produce", () => {
      for (let i = 0; i < 50; i += 1) {
        expect(withSecret(randomBytes(32).toString("base64"))).not.toThrow();
        expect(withSecret(randomBytes(32).toString("hex"))).not.toThrow();
      }
    });

    it("lets development and tests run without a secret", () => {
      expect(() => parseConfig({ ...base, NEXTAUTH_SECRET: "short" })).not.toThrow();
    });
  });
});
