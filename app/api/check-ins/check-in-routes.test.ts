import { beforeEach, describe, expect, it, vi } from "vitest";
import { POST as confirm } from "@/app/api/check-ins/confirm/route";
import { POST as preview } from "@/app/api/check-ins/preview/route";
import { GET as search } from "@/app/api/check-ins/search/route";
import { POST as undo } from "@/app/api/check-ins/undo/route";
import { db } from "@/lib/db";
import { addHours } from "@/lib/time";
import { bookConfirmed, createPerformance, createStaffUser } from "@/tests/support/factories";

// Only the session cookie's decoding is replaced here (it needs a real request); currentUser,
// the route handlers, the domain and PostgreSQL are real. The e2e suite covers the same
// endpoints with a real session; this file covers what HTTP alone cannot produce.
const session = vi.hoisted(() => ({ uid: 0 }));
// A fresh session of version 0 (a new user's), signed in just now.
vi.mock("@/web/auth/session-jwt", () => ({
  requestSessionClaims: async () => ({
    uid: session.uid,
    sv: 0,
    auth_time: Math.floor(Date.now() / 1000),
  }),
}));

function post(body: unknown) {
  return new Request("http://127.0.0.1:3000/api/check-ins/x", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
}

describe("check-in route handlers", () => {
  beforeEach(async () => {
    session.uid = (await createStaffUser()).id;
  });

  it("answers 409 reservation_not_confirmed for a cancelled reservation's ticket, without checking in", async () => {
    const performance = await createPerformance();
    const booked = await bookConfirmed(performance.id);
    await db.reservation.update({
      where: { id: booked.reservationId },
      data: { status: "cancelled" },
    });

    for (const handler of [preview, confirm]) {
      const response = await handler(post({ token: booked.checkInToken }));
      expect(response.status).toBe(409);
      expect(await response.json()).toMatchObject({
        status: "reservation_not_confirmed",
        detail: "This reservation is not confirmed.",
      });
    }
    expect(await db.checkIn.count({ where: { reservationId: booked.reservationId } })).toBe(0);
  });

  it("answers 410 expired once the check-in window has closed", async () => {
    const performance = await createPerformance();
    const booked = await bookConfirmed(performance.id);
    await db.reservationToken.updateMany({
      where: { reservationId: booked.reservationId, purpose: "check_in" },
      data: { expiresAt: addHours(new Date(), -1) },
    });

    for (const handler of [preview, confirm]) {
      const response = await handler(post({ token: booked.checkInToken }));
      expect(response.status).toBe(410);
      expect(await response.json()).toMatchObject({ status: "expired", party_size: 2 });
    }
    expect(await db.checkIn.count({ where: { reservationId: booked.reservationId } })).toBe(0);
  });

  it("answers 401 as soon as the user is deactivated, although the session cookie is still valid", async () => {
    const performance = await createPerformance();
    const booked = await bookConfirmed(performance.id);
    expect((await preview(post({ token: booked.checkInToken }))).status).toBe(200);

    await db.user.update({ where: { id: session.uid }, data: { isActive: false } });

    const response = await confirm(post({ token: booked.checkInToken }));
    expect(response.status).toBe(401);
    expect(await db.checkIn.count({ where: { reservationId: booked.reservationId } })).toBe(0);
  });

  it("admits by code and from a name search with their true sources, and staff can undo it", async () => {
    const performance = await createPerformance({ startsAt: addHours(new Date(), 1) });
    const booked = await bookConfirmed(performance.id, 4);
    const code = (await db.reservation.findUniqueOrThrow({ where: { id: booked.reservationId } }))
      .bookingCode;

    const byCode = await confirm(
      post({
        code: `${code.slice(0, 3)}-${code.slice(3)}`,
        performance_id: performance.id,
        seats: 1,
      }),
    );
    expect(byCode.status).toBe(200);
    const admitted = await byCode.json();
    expect(admitted).toMatchObject({ source: "code", seats_admitted: 1, seats_in: 1 });

    const found = await search(
      new Request(
        `http://127.0.0.1:3000/api/check-ins/search?performance_id=${performance.id}&q=MARIA%20ross`,
      ),
    );
    expect(found.status).toBe(200);
    const { results } = await found.json();
    expect(results).toContainEqual(
      expect.objectContaining({ reservation_id: booked.reservationId, seats_in: 1, party_size: 4 }),
    );
    const bySearch = await confirm(
      post({ reservation_id: booked.reservationId, performance_id: performance.id, seats: 2 }),
    );
    expect(await bySearch.json()).toMatchObject({ source: "search", seats_in: 3 });

    const undone = await undo(post({ admission_id: admitted.admission_id }));
    expect(await undone.json()).toMatchObject({ status: "undone", seats_undone: 1, seats_in: 2 });
    expect(
      (
        await db.checkInAdmission.findMany({
          where: { reservationId: booked.reservationId },
          orderBy: { id: "asc" },
        })
      ).map((a) => [a.source, a.seats, a.undoneAt !== null]),
    ).toEqual([
      ["code", 1, true],
      ["search", 2, false],
    ]);
  });

  it("refuses a search shorter than 2 characters, and a pasted link is recorded as a link", async () => {
    const performance = await createPerformance({ startsAt: addHours(new Date(), 1) });
    const short = await search(
      new Request(
        `http://127.0.0.1:3000/api/check-ins/search?performance_id=${performance.id}&q=m`,
      ),
    );
    expect(short.status).toBe(400);
    const booked = await bookConfirmed(performance.id);
    const linked = await confirm(
      post({ token: `https://azionelab.example/ticket#token=${booked.checkInToken}` }),
    );
    expect(await linked.json()).toMatchObject({ status: "checked_in", source: "link" });
  });

  it("refuses a staff member's 61st name search of the minute with 429, and an ended session with 401 whatever its count", async () => {
    const performance = await createPerformance({ startsAt: addHours(new Date(), 1) });
    const searchFor = () =>
      search(
        new Request(
          `http://127.0.0.1:3000/api/check-ins/search?performance_id=${performance.id}&q=ma`,
        ),
      );
    for (let i = 0; i < 60; i++) expect((await searchFor()).status).toBe(200);
    const refused = await searchFor();
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);

    // The other staff member at the door is not slowed by a colleague's count.
    const colleague = session.uid;
    session.uid = (await createStaffUser()).id;
    expect((await searchFor()).status).toBe(200);

    // Over the limit and deactivated: what matters is that the session no longer stands.
    session.uid = colleague;
    await db.user.update({ where: { id: colleague }, data: { isActive: false } });
    expect((await searchFor()).status).toBe(401);
  });
});
