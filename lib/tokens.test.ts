import { describe, expect, it } from "vitest";
import { extractToken, generateToken, hashToken, isWellFormedToken } from "@/lib/tokens";

describe("tokens", () => {
  it("are 256-bit base64url values, different every time", () => {
    const tokens = new Set(Array.from({ length: 100 }, generateToken));
    expect(tokens.size).toBe(100);
    for (const token of tokens) {
      expect(isWellFormedToken(token)).toBe(true);
      expect(Buffer.from(token, "base64url")).toHaveLength(32);
    }
  });

  it("are stored as SHA-256 hex", () => {
    expect(hashToken("abc")).toBe(
      "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
    );
  });

  it("are found in what staff paste: the bare token or the whole ticket URL", () => {
    const token = generateToken();
    expect(extractToken(` ${token} `)).toBe(token);
    expect(extractToken(`https://azionelab.example/ticket#token=${token}`)).toBe(token);
    expect(extractToken("https://azionelab.example/ticket#token=short")).toBeNull();
    expect(extractToken("hello")).toBeNull();
  });
});
