// The harness's correctness checks, on a tiny run. The scenarios drive, over HTTP with
// autocannon, a small server that answers the benchmark's endpoints by calling the
// domain functions on this file's database; control servers that overbook or admit a
// ticket twice show that the checks catch it.
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { judgeCheckIns, judgeConfirmations } from "@/bench/checks";
import { openPool } from "@/bench/database";
import { createStaffUser } from "@/bench/fixtures";
import { runCheckIn } from "@/bench/scenarios/check-in";
import { runConfirmHot } from "@/bench/scenarios/confirm-hot";
import { confirmCheckIn, previewCheckIn } from "@/lib/check-ins/check-in";
import { db } from "@/lib/db";
import { TEST_SETTINGS } from "@/tests/support/factories";
import { OUTCOME_HTTP_STATUS } from "@/web/http/outcomes";
import { confirmReservation } from "@/lib/reservations/confirm-reservation";
import { hashToken } from "@/lib/tokens";

const sql = openPool(process.env.DATABASE_URL!, 16);

type Handler = (body: Record<string, unknown>) => Promise<number>;

async function readBody(request: IncomingMessage): Promise<Record<string, unknown>> {
  let text = "";
  for await (const chunk of request) text += String(chunk);
  return text ? (JSON.parse(text) as Record<string, unknown>) : {};
}

/** Serves POST routes with `handlers` (status only) and GET /api/health. */
async function serve(
  handlers: Record<string, Handler>,
): Promise<{ baseUrl: string; server: Server }> {
  const server = createServer(async (request, response) => {
    const handler = handlers[request.url ?? ""];
    const status =
      request.method === "GET" && request.url === "/api/health"
        ? 200
        : handler
          ? await handler(await readBody(request))
          : 404;
    response.writeHead(status, { "content-type": "application/json" }).end("{}");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server };
}

const confirmWithDomain: Handler = async ({ token }) => {
  const result = await confirmReservation({ db, token: String(token), settings: TEST_SETTINGS });
  return result.ok ? 200 : OUTCOME_HTTP_STATUS[result.reason];
};

// The race the lock prevents: read what is left, then confirm, with no lock in between.
const confirmWithoutLock: Handler = async ({ token }) => {
  const { rows } = await sql.query<{ id: number; party_size: number; available: number }>(
    `SELECT r.id, r.party_size, (p.room_capacity - COALESCE((SELECT SUM(c.party_size) FROM reservations c
       WHERE c.performance_id = p.id AND c.status = 'confirmed'), 0))::int AS available
     FROM reservation_tokens t JOIN reservations r ON r.id = t.reservation_id JOIN performances p ON p.id = r.performance_id
     WHERE t.token_hash = $1`,
    [hashToken(String(token))],
  );
  if (!rows[0]) return 404;
  await new Promise((resolve) => setTimeout(resolve, 10));
  if (rows[0].party_size > rows[0].available) return 409;
  await sql.query(
    `UPDATE reservations SET status = 'confirmed', confirmed_at = now(), updated_at = now() WHERE id = $1`,
    [rows[0].id],
  );
  return 200;
};

function checkInHandlers(
  staff: { id: number; email: string },
  { admitTwice = false } = {},
): Record<string, Handler> {
  return {
    "/api/check-ins/preview": async ({ token, performance_id }) => {
      const result = await previewCheckIn({
        db,
        target: { token: String(token) },
        performanceId: Number(performance_id),
      });
      return result.ok ? 200 : OUTCOME_HTTP_STATUS[result.reason];
    },
    "/api/check-ins/confirm": async ({ token, performance_id, nonce }) => {
      const result = await confirmCheckIn({
        db,
        target: { token: String(token) },
        performanceId: Number(performance_id),
        nonce: String(nonce),
        staff,
        source: "qr_scan",
      });
      if (admitTwice && !result.ok && result.reason === "already_checked_in") return 200;
      return result.ok ? 200 : OUTCOME_HTTP_STATUS[result.reason];
    },
  };
}

let staff: { id: number; email: string };
const servers: Server[] = [];

beforeAll(async () => {
  const created = await createStaffUser(sql);
  staff = { id: created.userId, email: created.email };
});

afterAll(async () => {
  for (const server of servers) server.close();
  await sql.end();
});

async function start(handlers: Record<string, Handler>): Promise<string> {
  const { baseUrl, server } = await serve(handlers);
  servers.push(server);
  return baseUrl;
}

describe("the confirmation race check", () => {
  it("passes a run that fills the room exactly", async () => {
    const baseUrl = await start({ "/api/reservations/confirm": confirmWithDomain });

    const result = await runConfirmHot({
      baseUrl,
      sql,
      capacity: 5,
      reservations: 30,
      connections: 6,
    });

    expect(result.verdict).toMatchObject({
      ok: true,
      summary: "5/5 seats confirmed",
      problems: [],
    });
    expect(result.statuses).toEqual({ 200: 5, 409: 25 });
    expect(result.latency.count).toBe(30);
  });

  it("fails a run that overbooks, loudly", async () => {
    const baseUrl = await start({ "/api/reservations/confirm": confirmWithoutLock });

    const result = await runConfirmHot({
      baseUrl,
      sql,
      capacity: 5,
      reservations: 30,
      connections: 10,
    });

    expect(result.verdict.ok).toBe(false);
    expect(result.verdict.problems[0]).toMatch(
      /^OVERBOOKED: \d+ seats confirmed for a capacity of 5$/,
    );
  });

  it("fails when seats stay free, or when the answers and the database disagree", () => {
    const counts = {
      capacity: 500,
      demandSeats: 2000,
      confirmedSeats: 500,
      confirmedReservations: 500,
      okAnswers: 500,
    };
    expect(judgeConfirmations(counts).ok).toBe(true);
    expect(
      judgeConfirmations({
        ...counts,
        confirmedSeats: 499,
        confirmedReservations: 499,
        okAnswers: 499,
      }).problems,
    ).toEqual(["499 seats confirmed where exactly 500 should be"]);
    expect(judgeConfirmations({ ...counts, okAnswers: 501 }).problems).toEqual([
      "the server confirmed 501 reservations but the database holds 500",
    ]);
  });
});

describe("the duplicate check-in check", () => {
  it("passes a run where every ticket gets in once and a second presentation is refused", async () => {
    const baseUrl = await start(checkInHandlers(staff));

    // 10 tickets on 4 connections: 2 connections finish with a filler pair.
    const result = await runCheckIn({
      baseUrl,
      sql,
      cookie: "",
      tickets: 10,
      connections: 4,
      secondPresentations: 10,
    });

    expect(result.verdict).toMatchObject({
      ok: true,
      summary: "10/10 checked in, 0 second entries",
      problems: [],
    });
    expect(result.preview.count).toBe(10);
    expect(result.confirm.count).toBe(10);
  });

  it("fails a run whose server lets a ticket in twice", async () => {
    const baseUrl = await start(checkInHandlers(staff, { admitTwice: true }));

    const result = await runCheckIn({
      baseUrl,
      sql,
      cookie: "",
      tickets: 10,
      connections: 4,
      secondPresentations: 10,
    });

    expect(result.verdict.ok).toBe(false);
    expect(result.verdict.problems).toContain(
      "DUPLICATE CHECK-INS: 10 tickets admitted a second time",
    );
  });

  it("fails when check-ins are missing or outnumber the tickets", () => {
    const counts = {
      tickets: 1000,
      checkInRows: 1000,
      checkedInReservations: 1000,
      okAnswers: 1000,
      secondEntries: 0,
    };
    expect(judgeCheckIns(counts).ok).toBe(true);
    expect(
      judgeCheckIns({ ...counts, checkInRows: 999, checkedInReservations: 999, okAnswers: 999 })
        .problems,
    ).toEqual(["999 check-ins recorded where exactly 1000 should be"]);
    expect(judgeCheckIns({ ...counts, okAnswers: 1001 }).problems).toEqual([
      "DUPLICATE CHECK-INS: 1001 admissions for 1000 tickets",
      "the server admitted 1001 parties but the database recorded 1000",
    ]);
  });
});
