import "server-only";

import { forbidden, redirect } from "next/navigation";
import { currentUser, type SignedInUser } from "@/web/auth/current-user";
import { problem } from "@/web/http/api-response";

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
