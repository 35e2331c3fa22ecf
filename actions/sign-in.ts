"use server";

import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import { safeCallbackPath } from "@/lib/auth/callback-path";
import { authorizeCredentials } from "@/web/auth/options";
import { sessionCookieFor } from "@/web/auth/session-cookie";
import { SIGN_IN_ERRORS, signInInput, type SignInState } from "@/lib/auth/sign-in-input";

const KNOWN_ERRORS = new Set<string>(Object.values(SIGN_IN_ERRORS));

/**
 * The sign-in form's action: a plain POST that works before and without JavaScript
 * (Next checks the Origin of every server action, which is its CSRF defence). The
 * credentials travel only in the request body; a refusal echoes the email, never the
 * password.
 */
export async function signInAction(_previous: SignInState, form: FormData): Promise<SignInState> {
  const input = { email: form.get("email"), password: form.get("password") };
  const email = typeof input.email === "string" ? input.email.slice(0, 254) : "";
  const parsed = signInInput.safeParse(input);
  if (!parsed.success) {
    const fields = new Set(parsed.error.issues.map((issue) => String(issue.path[0])));
    return {
      error: null,
      email,
      fieldErrors: {
        ...(fields.has("email") && { email: true }),
        ...(fields.has("password") && { password: true }),
      },
    };
  }
  let target: string;
  try {
    const user = await authorizeCredentials(parsed.data, await headers());
    const cookie = await sessionCookieFor(user, new Date());
    (await cookies()).set(cookie.name, cookie.value, cookie.options);
    target = safeCallbackPath(form.get("callbackUrl"), user.role);
  } catch (error) {
    const code = error instanceof Error ? error.message : "";
    if (!KNOWN_ERRORS.has(code))
      console.error(
        JSON.stringify({ level: "error", msg: "sign-in failed", time: new Date().toISOString() }),
      );
    return {
      error: KNOWN_ERRORS.has(code) ? (code as SignInState["error"]) : "generic",
      email,
    };
  }
  // Outside the try block: redirect() works by throwing.
  redirect(target);
}
