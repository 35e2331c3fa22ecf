import { expect, test, type APIRequestContext, type APIResponse } from "@playwright/test";
import { describeRoute, PROTECTED_ROUTES, type ProtectedRoute } from "./support/protected-routes";
import { signInWithApi } from "./support/staff-login";

// The permission matrix: every protected page, route handler and server action checks the
// role itself. A forged session cookie gets past proxy.ts (which only looks for the cookie),
// so the "forged" column proves the guard next to the data, not the proxy, refuses.

type Visitor = "anonymous" | "forged" | "staff" | "admin";

const FORGED_COOKIE = "next-auth.session-token=forged.not-a-real.jwt";

type ActionRef = { id: string; withState: boolean };

/**
 * The server action bound to the form an admin sees. React renders its id into the form:
 * as `$ACTION_ID_<id>` for `action={serverAction}`, or as a hidden `$ACTION_<n>:0` field
 * holding {"id": ...} for `useActionState`, whose action also receives the previous state.
 */
async function actionOf(
  admin: APIRequestContext,
  route: Extract<ProtectedRoute, { kind: "action" }>,
): Promise<ActionRef> {
  const html = await (await admin.get(route.page)).text();
  const form =
    html
      .split("<form")
      .find((chunk) => chunk.includes(`name="${route.field}"`))
      ?.split("</form>")[0] ?? "";
  const direct = /name="\$ACTION_ID_([0-9a-f]+)"/.exec(form)?.[1];
  if (direct) return { id: direct, withState: false };
  const withState = /name="\$ACTION_[^"]*" value="\{&quot;id&quot;:&quot;([0-9a-f]+)&quot;/.exec(
    form,
  )?.[1];
  if (withState) return { id: withState, withState: true };
  throw new Error(`no form bound to a server action with ${route.field} on ${route.page}`);
}

async function call(
  request: APIRequestContext,
  route: ProtectedRoute,
  visitor: Visitor,
  action?: ActionRef,
) {
  const headers = visitor === "forged" ? { cookie: FORGED_COOKIE } : undefined;
  if (route.kind === "page") return request.get(route.path, { headers, maxRedirects: 0 });
  if (route.kind === "api")
    return request.fetch(route.path, {
      method: route.method,
      headers,
      data: route.body,
      maxRedirects: 0,
    });
  // The call the page's JavaScript makes, in React's reply encoding of (formData) or (null, formData).
  const fields = Object.fromEntries(
    Object.entries(route.fields).map(([name, value]) => [`_1_${name}`, value]),
  );
  const args = action?.withState ? '[null,"$K1"]' : '["$K1"]';
  return request.post(route.page, {
    headers: { ...headers, "next-action": action?.id ?? "", accept: "text/x-component" },
    multipart: { "0": args, ...fields },
    maxRedirects: 0,
  });
}

/** Sent to /login: by an HTTP redirect, or (server actions) by Next's x-action-redirect instruction. */
function expectSentToSignIn(response: APIResponse, label: string) {
  const headers = response.headers();
  const target = [302, 303, 307].includes(response.status())
    ? headers["location"]
    : headers["x-action-redirect"];
  expect(target ?? `status ${response.status()}`, label).toMatch(/\/login\?callbackUrl=/);
}

test.describe("permission matrix", () => {
  let actions = new Map<ProtectedRoute, ActionRef>();

  test.beforeAll(async ({ playwright, baseURL }) => {
    const admin = await playwright.request.newContext({ baseURL });
    await signInWithApi(admin, "admin");
    actions = new Map();
    for (const route of PROTECTED_ROUTES)
      if (route.kind === "action") actions.set(route, await actionOf(admin, route));
    await admin.dispose();
  });

  for (const visitor of ["anonymous", "forged"] as const) {
    test(`${visitor} visitors are sent to sign in or get 401 everywhere`, async ({
      playwright,
      baseURL,
    }) => {
      const request = await playwright.request.newContext({ baseURL });
      for (const route of PROTECTED_ROUTES) {
        const response = await call(request, route, visitor, actions.get(route));
        const label = `${visitor} ${describeRoute(route)}`;
        if (route.kind === "api") expect(response.status(), label).toBe(401);
        else expectSentToSignIn(response, label);
      }
      await request.dispose();
    });
  }

  test("staff get 403 from every admin route and reach every staff page", async ({
    playwright,
    baseURL,
  }) => {
    const staff = await playwright.request.newContext({ baseURL });
    await signInWithApi(staff, "staff");
    for (const route of PROTECTED_ROUTES) {
      const response = await call(staff, route, "staff", actions.get(route));
      const label = `staff ${describeRoute(route)}`;
      if (route.access === "admin") expect(response.status(), label).toBe(403);
      else if (route.kind === "page") {
        expect([200, 307], label).toContain(response.status());
        // Signed-in pages carry personal data: no shared cache may keep them.
        expect(response.headers()["cache-control"], label).toMatch(
          /private.*no-store|no-store.*private/,
        );
      } else expect([401, 403], label).not.toContain(response.status());
    }
    await staff.dispose();
  });

  test("admins reach every page", async ({ playwright, baseURL }) => {
    const admin = await playwright.request.newContext({ baseURL });
    await signInWithApi(admin, "admin");
    for (const route of PROTECTED_ROUTES.filter((r) => r.kind === "page")) {
      const response = await call(admin, route, "admin");
      expect([200, 307], `admin ${describeRoute(route)}`).toContain(response.status());
    }
    await admin.dispose();
  });
});
