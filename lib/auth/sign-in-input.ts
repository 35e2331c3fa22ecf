import { z } from "zod";

/** The sign-in form, checked by the form (react-hook-form) and again by `authorizeCredentials`. */
export const signInInput = z.strictObject({
  email: z.string().trim().toLowerCase().pipe(z.email()),
  password: z.string().min(1).max(256),
});

export type SignInInput = z.infer<typeof signInInput>;

/** Error codes that `authorize` throws; next-auth hands them to the client as `error`. */
export const SIGN_IN_ERRORS = {
  invalid: "invalid_credentials",
  rateLimited: "rate_limited",
} as const;

export type SignInError = (typeof SIGN_IN_ERRORS)[keyof typeof SIGN_IN_ERRORS];

export const DEFAULT_SIGNED_IN_PATH = "/staff/check-in";

/**
 * Where to go after signing in: only a path on this site, so that a crafted
 * `?callbackUrl=https://evil.example` link cannot bounce a fresh session elsewhere.
 */
export function safeCallbackPath(value: unknown): string {
  if (
    typeof value !== "string" ||
    !value.startsWith("/") ||
    value.startsWith("//") ||
    value.startsWith("/\\")
  )
    return DEFAULT_SIGNED_IN_PATH;
  if (value.startsWith("/login") || value.startsWith("/api/")) return DEFAULT_SIGNED_IN_PATH;
  return value;
}
