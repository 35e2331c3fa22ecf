import type { StaffCredentials } from "@/bench/fixtures";

/** The `name=value` pairs of a response's Set-Cookie headers, as a Cookie header. */
function cookiesOf(response: Response): string[] {
  return response.headers.getSetCookie().map((cookie) => cookie.split(";")[0]);
}

/**
 * Signs in the way the login page does (next-auth's credentials flow): fetch a CSRF
 * token, post it with the credentials, keep the session cookie. Returns the Cookie header.
 */
export async function signIn(
  baseUrl: string,
  { email, password }: Pick<StaffCredentials, "email" | "password">,
): Promise<string> {
  const csrf = await fetch(new URL("/api/auth/csrf", baseUrl));
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const csrfCookies = cookiesOf(csrf);

  const callback = await fetch(new URL("/api/auth/callback/credentials", baseUrl), {
    method: "POST",
    redirect: "manual",
    headers: {
      "content-type": "application/x-www-form-urlencoded",
      cookie: csrfCookies.join("; "),
    },
    body: new URLSearchParams({ csrfToken, email, password, json: "true" }),
  });
  await callback.arrayBuffer();
  const session = cookiesOf(callback).find((cookie) =>
    /^(__Secure-)?next-auth\.session-token=/.test(cookie),
  );
  if (!session)
    throw new Error(`signing in as ${email} failed (HTTP ${callback.status}, no session cookie)`);
  return session;
}
