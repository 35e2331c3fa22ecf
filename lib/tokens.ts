import { createHash, randomBytes } from "node:crypto";

/** A raw token: 32 random bytes (256 bits) as base64url, 43 characters. */
export function generateToken(): string {
  return randomBytes(32).toString("base64url");
}

/** Tokens are stored only as this SHA-256 hex digest; the raw value never reaches the database or logs. */
export function hashToken(rawToken: string): string {
  return createHash("sha256").update(rawToken, "utf8").digest("hex");
}

const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

export function isWellFormedToken(value: string): boolean {
  return TOKEN_PATTERN.test(value);
}

/**
 * Accepts what staff scan or paste: the bare token, or a ticket URL whose fragment
 * (or, leniently, query) carries `token=`. Returns null when nothing token-shaped is found.
 */
export function extractToken(input: string): string | null {
  const trimmed = input.trim();
  if (isWellFormedToken(trimmed)) return trimmed;
  const match = /[#?&]token=([A-Za-z0-9_-]+)/.exec(trimmed);
  return match && isWellFormedToken(match[1]) ? match[1] : null;
}
