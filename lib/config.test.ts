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
      NEXTAUTH_SECRET: "a-long-enough-secret",
      APP_URL: "https://azionelab.example",
    };
    expect(parseConfig(env)).toMatchObject({
      EMAIL_TRANSPORT: "file",
      APP_URL: "https://azionelab.example",
    });
  });
});
