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

/** What the sign-in form shows after a refused attempt; never the submitted password. */
export type SignInState = {
  error: SignInError | "generic" | null;
  fieldErrors?: { email?: true; password?: true };
  email?: string;
};
