import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import path from "node:path";
import { describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "..");

/** Runs `npm start`'s script (without the embedded-database wrapper) and collects its output. */
function start(env: Record<string, string>) {
  const result = spawnSync(process.execPath, [path.join(root, "scripts", "start.mjs")], {
    cwd: root,
    env: {
      PATH: process.env.PATH ?? "",
      NODE_ENV: "production",
      DATABASE_URL: "postgresql://postgres@127.0.0.1:1/none",
      APP_URL: "https://azionelab.example",
      EMAIL_TRANSPORT: "file",
      PORT: "0",
      HOSTNAME: "127.0.0.1",
      ...env,
    },
    encoding: "utf8",
    timeout: 60_000,
  });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

describe("npm start", () => {
  for (const [label, secret] of [
    ["the .env.example secret", "change-me-to-a-long-random-secret"],
    ["16 identical characters", "a".repeat(16)],
    ["a 31-byte secret", randomBytes(24).toString("base64").slice(0, 31)],
  ])
    it(`refuses ${label} before the server starts, saying how to make one`, () => {
      const { status, output } = start({ NEXTAUTH_SECRET: secret });
      expect(status).toBe(1);
      expect(output).toContain("NEXTAUTH_SECRET");
      expect(output).toContain("openssl rand -base64 32");
      expect(output).not.toMatch(/Ready|Starting/);
    });

  it("refuses a missing APP_URL the same way", () => {
    const { status, output } = start({
      APP_URL: "",
      NEXTAUTH_SECRET: randomBytes(32).toString("base64"),
    });
    expect(status).toBe(1);
    expect(output).toContain("APP_URL");
    expect(output).not.toContain("Ready");
  });
});
