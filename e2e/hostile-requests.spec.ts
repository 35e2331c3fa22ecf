import { expect, test } from "@playwright/test";

// Hostile requests against the production server: never a 500. Paths with params, ids out
// of range, NUL and undecodable bytes; a server action posted from another origin.

const PROBES = [
  "/shows/%00",
  "/shows/le-serve/999999999999",
  "/shows/le-serve/1.5",
  "/shows/le-serve/%00",
  "/%00",
  "/api/shows/%00",
  "/api/performances/99999999999",
  "/api/performances?show=%00",
  "/api/performances?from=0000-01-01T00:00:00Z",
  "/api/reservations/99999999999/qr-code",
  "/api/check-ins/counts?performance_id=99999999999",
  "/admin/shows/99999999999",
  "/admin/performances/1.5",
];

test("every path with hostile params answers 4xx (or a redirect to sign in), never 5xx", async ({
  request,
}) => {
  for (const path of PROBES) {
    const response = await request.get(path, { maxRedirects: 0 });
    expect(response.status(), path).toBeGreaterThanOrEqual(300);
    expect(response.status(), path).toBeLessThan(500);
  }
});

// Bytes that are not UTF-8 fail Next's own decoding of route params (a 500 before any code
// of ours runs): web/http/request-guards.ts refuses them first, from proxy.ts.
const UNDECODABLE = [
  "/shows/%FF",
  "/shows/%C3%28",
  "/shows/le-serve/%FF",
  "/%FF",
  "/%E0%A4%A",
  "/api/shows/%FF",
  "/api/performances/%FF",
  "/api/reservations/%FF/qr-code",
  "/admin/shows/%FF",
];

test("paths that are not UTF-8 answer 400, never 5xx", async ({ request }) => {
  for (const path of UNDECODABLE) {
    const response = await request.get(path, { maxRedirects: 0 });
    expect(response.status(), path).toBe(400);
  }
});

test("a JSON endpoint answers a bad path with a JSON problem body", async ({ request }) => {
  const response = await request.get("/api/shows/%FF");
  expect(response.status()).toBe(400);
  expect(await response.json()).toMatchObject({ status: "malformed_path" });
});

test("a server action posted from another origin answers 403, not 500", async ({ request }) => {
  const html = await (await request.get("/lost-ticket")).text();
  // `action={serverAction}` names it in `$ACTION_ID_<id>`; a useActionState form in its
  // hidden `$ACTION_1:0` field ({"id":"<id>",…}).
  const actionId = (/name="\$ACTION_ID_([0-9a-f]+)"/.exec(html) ??
    /&quot;id&quot;:&quot;([0-9a-f]+)&quot;/.exec(html))?.[1];
  expect(actionId, "the lost-ticket form is a server action form").toBeTruthy();

  const fromJs = await request.post("/lost-ticket", {
    headers: {
      "next-action": actionId!,
      origin: "https://evil.example",
      accept: "text/x-component",
      "content-type": "text/plain;charset=UTF-8",
    },
    data: "[]",
    maxRedirects: 0,
  });
  expect(fromJs.status()).toBe(403);

  const beforeHydration = await request.post("/lost-ticket", {
    headers: { origin: "https://evil.example" },
    multipart: { [`$ACTION_ID_${actionId}`]: "", email: "" },
    maxRedirects: 0,
  });
  expect(beforeHydration.status()).toBe(403);

  const sameOrigin = await request.post("/lost-ticket", {
    multipart: { [`$ACTION_ID_${actionId}`]: "", email: "" },
    maxRedirects: 0,
  });
  expect(sameOrigin.status()).toBeLessThan(400);
});
