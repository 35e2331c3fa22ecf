import { hash, verify } from "@node-rs/argon2";
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from "@/lib/password-policy";

// Algorithm 2 = Argon2id (the const enum cannot be imported under isolatedModules).
// Parameters: OWASP's first recommended set (19 MiB, 2 iterations, 1 lane).
const ARGON2ID = { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2ID);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false; // a malformed stored hash never signs anyone in
  }
}

const COMMON = [
  "password",
  "123456",
  "qwerty",
  "azionelab",
  "teatro",
  "admin",
  "letmein",
  "welcome",
  "iloveyou",
];

/** Why a password is too weak, or null when it is acceptable. */
export function passwordWeakness(password: string, email = ""): string | null {
  if (password.length < MIN_PASSWORD_LENGTH)
    return `must be at least ${MIN_PASSWORD_LENGTH} characters long`;
  if (password.length > MAX_PASSWORD_LENGTH)
    return `must be at most ${MAX_PASSWORD_LENGTH} characters long`;
  if (new Set(password).size < 5) return "uses too few different characters";
  const lower = password.toLowerCase();
  if (COMMON.some((word) => lower.includes(word)))
    return "contains a common word (such as 'password' or 'admin')";
  const localPart = email.split("@")[0]?.toLowerCase();
  if (localPart && localPart.length >= 3 && lower.includes(localPart))
    return "must not contain the email address";
  return null;
}
