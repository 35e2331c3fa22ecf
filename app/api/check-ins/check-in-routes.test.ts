import { beforeEach, describe, expect, it, vi } from "vitest";
import { POST as confirm } from "@/app/api/check-ins/confirm/route";
import { POST as preview } from "@/app/api/check-ins/preview/route";
import { db } from "@/lib/db";
import { addHours } from "@/lib/time";
import { bookConfirmed, createPerformance, createStaffUser } from "@/tests/support/factories";

// Only next-auth's cookie decoding is replaced here (it needs a real request); currentUser,
// the route handlers, the domain and PostgreSQL are real. The e2e suite covers the same
// endpoints with a real session; this file covers what HTTP alone cannot produce.
const session = vi.hoisted(() => ({ uid: 0 }));
// A fresh session of version 0 (a new user's), signed in just now.
vi.mock("next-auth", () => ({
  getServerSession: async () => ({
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
});
