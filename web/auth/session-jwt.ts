import "server-only";

import { hkdfSync } from "node:crypto";
import { jwtDecrypt } from "jose";
import { cookies } from "next/headers";
import type { SessionClaims } from "@/lib/auth/session";
import { authOptions } from "@/web/auth/options";
import { sessionCookieName } from "@/web/auth/session-cookie";

let derived: { secret: string; key: Uint8Array } | undefined;

/**
 * next-auth's key for its session JWE, derived as next-auth/jwt derives it (HKDF-SHA256
 * of the secret, empty salt, its fixed info string, 32 bytes), but once per process:
 * next-auth derives it again for every cookie it decodes.
 */
export function sessionEncryptionKey(secret: string): Uint8Array {
  if (derived?.secret !== secret)
    derived = {
      secret,
      key: new Uint8Array(
        hkdfSync("sha256", secret, "", "NextAuth.js Generated Encryption Key", 32),
      ),
    };
  return derived.key;
}

/**
 * The claims of a next-auth session cookie, decoded as next-auth's `decode` does it
 * (A256GCM with the derived key, 15 s of clock tolerance on `exp`). Null for a cookie
 * that is forged, damaged, expired or made with another secret.
 */
export async function decodeSessionToken(
  token: string,
  secret: string,
): Promise<Record<string, unknown> | null> {
  try {
    const { payload } = await jwtDecrypt(token, sessionEncryptionKey(secret), {
      clockTolerance: 15,
    });
    return payload;
  } catch {
    return null;
  }
}

/**
 * The session cookie's value from a request's cookies: next-auth splits a long one into
 * `<name>.0`, `<name>.1`, … and joins the pieces in that order.
 */
export function sessionCookieValue(
  cookies: { name: string; value: string }[],
  name: string,
): string | null {
  const pieces = cookies
    .filter((cookie) => cookie.name.startsWith(name))
    .map((cookie) => ({ order: Number(cookie.name.split(".").pop()) || 0, value: cookie.value }))
    .sort((a, b) => a.order - b.order);
  return pieces.length > 0 ? pieces.map((piece) => piece.value).join("") : null;
}

/**
 * The claims of this request's session cookie, decoded as next-auth's getServerSession
 * decodes it (same cookie, key and claims; our jwt callback's one check, the absolute
 * lifetime, is userForSession's too), with the key derived once per process:
 * getServerSession derived it, and re-encoded the cookie, on every request. Null when
 * there is no cookie or it does not decode. (Tests that call route handlers directly
 * replace this function: it needs a real request's cookies.)
 */
export async function requestSessionClaims(): Promise<Partial<SessionClaims> | null> {
  const secret = authOptions().secret;
  const token = sessionCookieValue((await cookies()).getAll(), sessionCookieName());
  return token && secret ? await decodeSessionToken(token, secret) : null;
}
