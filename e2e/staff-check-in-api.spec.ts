import { randomUUID } from "node:crypto";
import { expect, test, type APIRequestContext } from "@playwright/test";
import { signInWithApi } from "./support/staff-login";
import { bookablePerformance, bookTicket } from "./support/staff-tickets";

// The check-in endpoints over HTTP, with a real next-auth session, against the production build.

// The door sees the name and notes (issue 16: greet and seat the party), never contact details.
const PII = /example\.org|\+39/;

async function countsOf(request: APIRequestContext, performanceId: number) {
  const response = await request.get(`/api/check-ins/counts?performance_id=${performanceId}`);
  expect(response.status()).toBe(200);
  return (await response.json()) as { checked_in_seats: number; confirmed_seats: number };
}

test.describe("check-in endpoints", () => {
  test.beforeEach(async ({ request }) => {
    await signInWithApi(request, "staff");
  });

  test("preview shows only admission data and never checks in", async ({ request }) => {
    const ticket = await bookTicket(request, { partySize: 3 });
    const before = await countsOf(request, ticket.performanceId);

    for (let i = 0; i < 2; i += 1) {
      const preview = await request.post("/api/check-ins/preview", {
        data: { token: ticket.token, performance_id: ticket.performanceId },
      });
      expect(preview.status()).toBe(200);
      expect(preview.headers()["cache-control"]).toContain("no-store");
      const body = await preview.json();
      expect(body).toEqual({
        status: "valid",
        reservation_id: ticket.reservationId,
        performance_id: ticket.performanceId,
        show_title: expect.any(String),
        starts_at: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d\d:\d\d$/),
        party_size: 3,
        seats_in: 0,
        booking_code: expect.stringMatching(/^[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{6}$/),
        name: "Maria Rossi",
        notes: "Arriving early",
        accessibility: false,
        reservation_status: "confirmed",
        doors_open_at: null,
        last_admission_id: null,
        last_admitted_at: null,
      });
      expect(JSON.stringify(body)).not.toMatch(PII);
    }

    // Had a preview written a check-in, this would be 409 already_checked_in.
    const confirmed = await request.post("/api/check-ins/confirm", {
      data: { token: ticket.token },
    });
    expect(confirmed.status(), "the previews left the ticket unused").toBe(200);
    // Other tests admit parties to the same performance in parallel: at least ours counts.
    expect((await countsOf(request, ticket.performanceId)).checked_in_seats).toBeGreaterThanOrEqual(
      before.checked_in_seats + 3,
    );
  });

  test("confirm admits once; later scans are told when and by whom", async ({ request }) => {
    const ticket = await bookTicket(request);

    // The whole ticket URL works as well as the bare token, with or without a trailing slash.
    const confirmed = await request.post("/api/check-ins/confirm/", {
      data: { token: ticket.ticketUrl, performance_id: ticket.performanceId, nonce: randomUUID() },
    });
    expect(confirmed.status()).toBe(200);
    const body = await confirmed.json();
    expect(body).toMatchObject({
      status: "checked_in",
      reservation_id: ticket.reservationId,
      performance_id: ticket.performanceId,
      party_size: 2,
      checked_in_by: expect.any(Number),
    });
    expect(JSON.stringify(body)).not.toMatch(PII);

    for (const endpoint of ["confirm", "preview"]) {
      const again = await request.post(`/api/check-ins/${endpoint}`, {
        data: { token: ticket.token },
      });
      expect(again.status(), endpoint).toBe(409);
      const refusal = await again.json();
      expect(refusal).toMatchObject({
        status: "already_checked_in",
        detail: expect.any(String),
        checked_in_at: body.checked_in_at,
        checked_in_by_name: "Marco (staff)",
        party_size: 2,
      });
      expect(JSON.stringify(refusal)).not.toMatch(PII);
    }
  });

  test("a ticket for another performance is refused with wrong_performance and not admitted", async ({
    request,
  }) => {
    const ticket = await bookTicket(request, { partySize: 1 });
    const otherPerformance = await bookablePerformance(request, 1, [ticket.performanceId]);

    for (const endpoint of ["preview", "confirm"]) {
      const response = await request.post(`/api/check-ins/${endpoint}`, {
        data: { token: ticket.token, performance_id: otherPerformance },
      });
      expect(response.status(), endpoint).toBe(409);
      expect(await response.json()).toMatchObject({
        status: "wrong_performance",
        performance_id: ticket.performanceId,
      });
    }
    const right = await request.post("/api/check-ins/confirm", {
      data: { token: ticket.token, performance_id: ticket.performanceId },
    });
    expect(right.status()).toBe(200);
  });

  test("unknown, malformed, non-JSON, unknown-field and cross-site requests are refused", async ({
    request,
  }) => {
    const unknown = await request.post("/api/check-ins/preview", {
      data: { token: "A".repeat(43) },
    });
    expect(unknown.status()).toBe(404);
    expect(await unknown.json()).toMatchObject({
      status: "token_not_found",
      detail: expect.any(String),
    });

    const malformed = await request.post("/api/check-ins/confirm", {
      data: { token: "not a ticket" },
    });
    expect(malformed.status()).toBe(400);
    expect(await malformed.json()).toMatchObject({ token: [expect.any(String)] });

    expect((await request.post("/api/check-ins/preview", { data: {} })).status()).toBe(400);
    expect(
      (
        await request.post("/api/check-ins/preview", {
          data: { token: "A".repeat(43), email: "x@example.org" },
        })
      ).status(),
    ).toBe(400);
    expect(
      (
        await request.post("/api/check-ins/confirm", {
          headers: { "content-type": "text/plain" },
          data: "A".repeat(43),
        })
      ).status(),
    ).toBe(415);
    expect(
      (
        await request.post("/api/check-ins/confirm", {
          headers: { "content-type": "application/json" },
          data: "{not json",
        })
      ).status(),
    ).toBe(400);

    const crossSite = await request.post("/api/check-ins/confirm", {
      headers: { origin: "https://evil.example", "sec-fetch-site": "cross-site" },
      data: { token: "A".repeat(43) },
    });
    expect(crossSite.status()).toBe(403);
    expect(await crossSite.json()).toMatchObject({ status: "cross_site_request" });
  });

  test("20 concurrent confirms of one ticket admit it exactly once; the winner's retry gets the same answer", async ({
    request,
  }) => {
    const ticket = await bookTicket(request);
    const nonces = Array.from({ length: 20 }, () => randomUUID());

    const responses = await Promise.all(
      nonces.map((nonce) =>
        request.post("/api/check-ins/confirm", {
          data: { token: ticket.token, performance_id: ticket.performanceId, nonce },
        }),
      ),
    );
    const statuses = responses.map((r) => r.status());
    expect(statuses.filter((s) => s === 200)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(19);
    const bodies = await Promise.all(responses.map((r) => r.json()));
    for (const body of bodies.filter((b) => b.status !== "checked_in"))
      expect(body.status).toBe("already_checked_in");

    const winner = statuses.indexOf(200);
    const first = bodies[winner];
    const retry = await request.post("/api/check-ins/confirm", {
      data: { token: ticket.token, performance_id: ticket.performanceId, nonce: nonces[winner] },
    });
    expect(retry.status()).toBe(200);
    expect(await retry.json()).toEqual(first);

    const loser = await request.post("/api/check-ins/confirm", {
      data: { token: ticket.token, nonce: nonces[(winner + 1) % 20] },
    });
    expect(loser.status()).toBe(409);
  });
});

test("without a session both endpoints answer 401, and the counter too", async ({
  playwright,
  baseURL,
}) => {
  const anonymous = await playwright.request.newContext({ baseURL });
  for (const endpoint of ["preview", "confirm"]) {
    const response = await anonymous.post(`/api/check-ins/${endpoint}`, {
      data: { token: "A".repeat(43) },
    });
    expect(response.status(), endpoint).toBe(401);
    expect(await response.json()).toMatchObject({ status: "unauthenticated" });
  }
  expect((await anonymous.get("/api/check-ins/counts?performance_id=1")).status()).toBe(401);
  await anonymous.dispose();
});
