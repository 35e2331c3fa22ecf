import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { GET as checkInCounts } from "@/app/api/check-ins/counts/route";
import { POST as checkInPreview } from "@/app/api/check-ins/preview/route";
import { GET as getPerformance } from "@/app/api/performances/[id]/route";
import { POST as createReservationRoute } from "@/app/api/performances/[id]/reservations/route";
import { GET as listPerformances } from "@/app/api/performances/route";
import { POST as confirmRoute } from "@/app/api/reservations/confirm/route";
import { GET as getShow } from "@/app/api/shows/[slug]/route";
import { db } from "@/lib/db";
import { createPerformance, createStaffUser } from "@/tests/support/factories";

// Hostile input on every public and staff route handler: a 4xx with a JSON problem
// body, never a 500, and no row written on refusal.
process.env.MAIL_DIR = mkdtempSync(path.join(os.tmpdir(), "azionelab-hostile-mail-"));
process.env.RATE_LIMIT = "off";

const session = vi.hoisted(() => ({ uid: 0 }));
// A fresh session of version 0 (a new user's), signed in just now.
vi.mock("@/web/auth/session-jwt", () => ({
  requestSessionClaims: async () => ({
    uid: session.uid,
    sv: 0,
    auth_time: Math.floor(Date.now() / 1000),
  }),
}));

const BASE = "http://localhost:3000";
const params = <T extends Record<string, string>>(value: T) => ({ params: Promise.resolve(value) });

function book(performanceId: number | string, body: BodyInit, headers: HeadersInit = {}) {
  return createReservationRoute(
    new Request(`${BASE}/api/performances/${performanceId}/reservations`, {
      method: "POST",
      headers: { "content-type": "application/json", ...headers },
      body,
      // A stream body needs this in Node's fetch implementation.
      ...(body instanceof ReadableStream ? { duplex: "half" } : {}),
    } as RequestInit),
    params({ id: String(performanceId) }),
  );
}

const valid = { name: "Maria Rossi", email: "maria@example.org", party_size: 2 };

async function expectProblem(response: Response, status: number) {
  expect(response.status).toBe(status);
  expect(response.headers.get("content-type")).toMatch(/application\/json/);
  expect(await response.json()).toHaveProperty("detail");
}

describe("hostile input on the booking API", () => {
  it("strips control characters (NUL included) from name and notes instead of failing", async () => {
    const performance = await createPerformance();
    const response = await book(
      performance.id,
      JSON.stringify({ ...valid, name: "Ma\u0000ria\nRossi\u202E", notes: "a\u0000b\r\nc" }),
    );
    expect(response.status).toBe(201);
    const { id } = await response.json();
    const row = await db.reservation.findUniqueOrThrow({ where: { id } });
    expect(row.name).toBe("Maria Rossi");
    expect(row.notes).toBe("ab\nc");
  });

  it("refuses a name of control characters only with 400 and writes nothing", async () => {
    const performance = await createPerformance();
    await expectProblem(
      await book(performance.id, JSON.stringify({ ...valid, name: "\u0000\u0001\n" })),
      400,
    );
    expect(await db.reservation.count({ where: { performanceId: performance.id } })).toBe(0);
  });

  it("takes party_size as a JSON integer only", async () => {
    const performance = await createPerformance();
    for (const partySize of ["3", [5], true, "0x3", 2.5, null, {}, 1e300])
      await expectProblem(
        await book(performance.id, JSON.stringify({ ...valid, party_size: partySize })),
        400,
      );
    expect(await db.reservation.count({ where: { performanceId: performance.id } })).toBe(0);
    expect((await book(performance.id, JSON.stringify({ ...valid, party_size: 3 }))).status).toBe(
      201,
    );
  });

  it("refuses a body over the cap with 413 by its Content-Length, before reading it", async () => {
    const performance = await createPerformance();
    const big = JSON.stringify({ ...valid, notes: "x".repeat(10_000) });
    await expectProblem(await book(performance.id, big), 413);
    expect(await db.reservation.count({ where: { performanceId: performance.id } })).toBe(0);
  });

  it("refuses a streamed body without Content-Length once it passes the cap, without reading the rest", async () => {
    const performance = await createPerformance();
    let pulled = 0;
    const endless = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled += 1;
        controller.enqueue(new TextEncoder().encode(" ".repeat(1024)));
        if (pulled > 10_000) controller.close();
      },
    });
    await expectProblem(await book(performance.id, endless), 413);
    expect(pulled).toBeLessThan(20);
  });

  it("answers 400 for a body that is not UTF-8", async () => {
    const performance = await createPerformance();
    const bytes = new Uint8Array([0x7b, 0x22, 0x6e, 0xff, 0xfe, 0x22, 0x3a, 0x31, 0x7d]);
    await expectProblem(await book(performance.id, bytes), 400);
  });

  it("answers 404 for ids that are not int32 row ids", async () => {
    for (const id of ["99999999999", "2147483648", "1.5", "-1", "0", "abc", "\u0000"])
      await expectProblem(await book(id, JSON.stringify(valid)), 404);
  });
});

describe("hostile input on the public GET endpoints", () => {
  it("answers 404 for a show slug with NUL or other non-slug text", async () => {
    for (const slug of ["\u0000", "a\u0000b", "\uFFFD", "x".repeat(5000), "UPPER", "../etc"])
      await expectProblem(await getShow(new Request(`${BASE}/api/shows/x`), params({ slug })), 404);
  });

  it("answers 404 for performance ids beyond the integer range", async () => {
    for (const id of ["99999999999", "2147483648", "1.5", "\u0000"])
      await expectProblem(
        await getPerformance(new Request(`${BASE}/api/performances/x`), params({ id })),
        404,
      );
  });

  it("answers 400 for ?show=%00 and dates outside the years the theatre can play in", async () => {
    for (const query of [
      "show=%00",
      "show=a%00b",
      "from=0000-01-01T00:00:00Z",
      "from=0000-01-01",
      "from=9999-12-31T00:00:00Z",
      "from=1900-01-01",
    ])
      await expectProblem(
        await listPerformances(new Request(`${BASE}/api/performances?${query}`)),
        400,
      );
    expect(
      (await listPerformances(new Request(`${BASE}/api/performances?from=2026-01-01`))).status,
    ).toBe(200);
  });

  it("answers 400 for a confirmation body over the cap or with a NUL token", async () => {
    const post = (body: string) =>
      confirmRoute(
        new Request(`${BASE}/api/reservations/confirm`, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body,
        }),
      );
    await expectProblem(await post(JSON.stringify({ token: "\u0000" })), 400);
    await expectProblem(await post(JSON.stringify({ token: "x".repeat(8000) })), 413);
  });
});

describe("hostile input on the staff endpoints", () => {
  beforeEach(async () => {
    session.uid = (await createStaffUser()).id;
  });

  it("answers 400 for a performance id beyond the integer range", async () => {
    const preview = await checkInPreview(
      new Request(`${BASE}/api/check-ins/preview`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ token: "abc", performance_id: 99_999_999_999 }),
      }),
    );
    await expectProblem(preview, 400);
    for (const id of ["99999999999", "1.5", "%00", "1e3x"])
      await expectProblem(
        await checkInCounts(new Request(`${BASE}/api/check-ins/counts?performance_id=${id}`)),
        400,
      );
  });
});
