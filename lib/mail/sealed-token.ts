import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from "node:crypto";

/**
 * A link email is a job, and the job must rebuild the link after the transaction that
 * issued the token has committed, perhaps in another process. Raw tokens are never
 * stored (PRODUCT.md §3), so the job's payload carries the token sealed with AES-256-GCM
 * under a key derived from NEXTAUTH_SECRET: the database alone (a dump, a replica, a
 * backup) holds nothing that opens a door or confirms a booking. The job row is deleted
 * when the job completes. Changing NEXTAUTH_SECRET makes emails still queued unreadable:
 * they fail with `token_unreadable` and an admin sends them again (with a new link).
 */
export function mailTokenKey(secret: string): Buffer {
  return Buffer.from(hkdfSync("sha256", secret, "azionelab", "mail job token v1", 32));
}

const IV_BYTES = 12;
const TAG_BYTES = 16;

/** `purpose` is authenticated too, so a sealed confirmation token cannot be replayed as a ticket. */
export function sealToken(rawToken: string, key: Buffer, purpose: string): string {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv("aes-256-gcm", key, iv);
  cipher.setAAD(Buffer.from(purpose, "utf8"));
  const sealed = Buffer.concat([cipher.update(rawToken, "utf8"), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), sealed]).toString("base64url");
}

/** The raw token, or null when the value was sealed under another key or altered. */
export function openToken(sealed: string, key: Buffer, purpose: string): string | null {
  try {
    const bytes = Buffer.from(sealed, "base64url");
    const decipher = createDecipheriv("aes-256-gcm", key, bytes.subarray(0, IV_BYTES));
    decipher.setAAD(Buffer.from(purpose, "utf8"));
    decipher.setAuthTag(bytes.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
    return Buffer.concat([
      decipher.update(bytes.subarray(IV_BYTES + TAG_BYTES)),
      decipher.final(),
    ]).toString("utf8");
  } catch {
    return null;
  }
}
