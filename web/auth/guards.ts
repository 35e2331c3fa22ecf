import "server-only";

import { forbidden, redirect } from "next/navigation";
import { claimedUserId, currentUser, type SignedInUser } from "@/web/auth/current-user";
import { problem, tooManyRequests } from "@/web/http/api-response";
import { consumeRateLimit, type RateLimitName } from "@/lib/rate-limit";

/** Who may do what: staff reach the check-in area only; admins reach everything. */
export type Access = "staff" | "admin";

export function allows(user: SignedInUser, access: Access): boolean {
  return access === "staff"
    ? user.role === "STAFF" || user.role === "ADMIN"
    : user.role === "ADMIN";
}

/**
 * For pages, layouts and server actions: redirects an anonymous visitor to /login
 * (and back to `returnTo` afterwards) and answers 403 to a signed-in user without the role.
 * Call it next to the data in every page and action: a layout check alone protects nothing.
 */
export async function requireUser(access: Access, returnTo: string): Promise<SignedInUser> {
  const user = await currentUser();
  if (!user) redirect(`/login?callbackUrl=${encodeURIComponent(returnTo)}`);
  if (!allows(user, access)) forbidden();
  return user;
}

/** For route handlers: the user, or the 401/403 JSON response to return. */
export async function authorizeRequest(
  access: Access,
): Promise<{ ok: true; user: SignedInUser } | { ok: false; response: Response }> {
  const user = await currentUser();
  if (!user)
    return {
      ok: false,
      response: problem(401, "unauthenticated", "Sign in as staff to use this endpoint."),
    };
  if (!allows(user, access))
    return {
      ok: false,
      response: problem(403, "forbidden", "Your account cannot use this endpoint."),
    };
  return { ok: true, user };
}

/**
 * `authorizeRequest`, then the per-user limit `limitName`: 401/403, else 429 when the
 * user is over it. The attempt is counted while the user is re-read (one round trip less
 * at a busy door), keyed by the id the sealed session cookie names; a request without
 * one counts nothing and is refused as unauthenticated.
 */
export async function authorizeRequestWithinLimit(
  access: Access,
  limitName: RateLimitName,
): Promise<{ ok: true; user: SignedInUser } | { ok: false; response: Response }> {
  const claimed = await claimedUserId();
  const [auth, limit] = await Promise.all([
    authorizeRequest(access),
    claimed === null ? null : consumeRateLimit(limitName, `user:${claimed}`),
  ]);
  if (!auth.ok) return auth;
  if (limit && !limit.ok) return { ok: false, response: tooManyRequests(limit) };
  return auth;
}
