import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { setLocale } from "@/actions/set-locale";
import { deletePageAction, savePageAction } from "@/app/admin/pages/actions";
import { deletePerformanceAction, savePerformanceAction } from "@/app/admin/performances/actions";
import {
  cancelReservationAction,
  checkInReservationAction,
  resendReservationEmailAction,
} from "@/app/admin/reservations/actions";
import { deleteShowAction, saveShowAction } from "@/app/admin/shows/actions";
import { createUserAction, resetPasswordAction, updateUserAction } from "@/app/admin/users/actions";
import { deleteVenueAction, saveVenueAction } from "@/app/admin/venues/actions";
import { requestLostTicket } from "@/actions/lost-ticket";
import { submitBooking } from "@/actions/booking";
import { checkInReservationManually } from "@/actions/door";
import { cancelTicket, loadTicket } from "@/actions/ticket";
import { IDLE } from "@/lib/admin/form-state";
import { db } from "@/lib/db";
import { bookPending, createPerformance, createStaffUser } from "@/tests/support/factories";

// Server actions called directly, as a client can call them: with any arguments, bound
// ones included. Only the request scope Next provides is replaced (session, headers,
// cookies, after, revalidatePath); the actions, the domain and PostgreSQL are real.
process.env.MAIL_DIR = mkdtempSync(path.join(os.tmpdir(), "azionelab-actions-mail-"));
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
vi.mock("next/headers", () => ({
  headers: async () => new Headers({ "x-client-address": "10.9.8.7" }),
  cookies: async () => ({ get: () => undefined, set: () => undefined }),
}));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));
vi.mock("next/server", async (importOriginal) => ({
  ...(await importOriginal<typeof import("next/server")>()),
  after: () => undefined,
}));

/** What an action did: its result, or the redirect / HTTP fallback Next would answer with. */
async function outcome(run: () => Promise<unknown>): Promise<unknown> {
  try {
    return await run();
  } catch (error) {
    const digest = (error as { digest?: unknown }).digest;
    if (typeof digest === "string" && digest.startsWith("NEXT_")) return { next: digest };
    throw error;
  }
}

function form(fields: Record<string, string>) {
  const data = new FormData();
  for (const [key, value] of Object.entries(fields)) data.set(key, value);
  return data;
}

/** Row counts of every table an action could write to. */
async function rowCounts() {
  return {
    shows: await db.show.count(),
    venues: await db.venue.count(),
    pages: await db.page.count(),
    performances: await db.performance.count(),
    reservations: await db.reservation.count(),
    checkIns: await db.checkIn.count(),
    users: await db.user.findMany({ select: { id: true, role: true, isActive: true, name: true } }),
    cancelled: await db.reservation.count({ where: { status: "cancelled" } }),
  };
}

// Not row ids: fractions, strings, beyond int32, negative, NaN, objects.
const NOT_IDS: unknown[] = [1.5, "1", 2 ** 31, 99_999_999_999, -1, 0, Number.NaN, {}, [1], true];

let admin: Awaited<ReturnType<typeof createStaffUser>>;
beforeEach(async () => {
  admin = await createStaffUser("ADMIN");
  session.uid = admin.id;
});

describe("admin server actions parse their bound arguments", () => {
  it("updateUserAction(1.5, …) refuses: the only admin cannot demote themself through a fraction", async () => {
    for (const id of [admin.id + 0.5, admin.id - 0.5, admin.id + 0.4]) {
      const result = await outcome(() =>
        updateUserAction(id, IDLE, form({ name: "Me", role: "STAFF" })),
      );
      expect(result).toMatchObject({ status: "error" });
    }
    const me = await db.user.findUniqueOrThrow({ where: { id: admin.id } });
    expect(me).toMatchObject({ role: "ADMIN", isActive: true });
  });

  it("every admin action refuses ids that are not int32 row ids, and writes nothing", async () => {
    const performance = await createPerformance();
    await bookPending(performance.id);
    const before = await rowCounts();
    const save = form({ title: "T", name: "N", address: "A", city: "C", role: "STAFF" });
    for (const id of NOT_IDS) {
      const bound = id as number;
      for (const run of [
        () => updateUserAction(bound, IDLE, save),
        () => resetPasswordAction(bound, IDLE, form({ password: "a-long-enough-password-42" })),
        () => saveShowAction(bound, IDLE, save),
        () => saveVenueAction(bound, IDLE, save),
        () => savePageAction(bound, IDLE, save),
        () => savePerformanceAction(bound, IDLE, save),
        () => deleteShowAction(bound),
        () => deleteVenueAction(bound),
        () => deletePageAction(bound),
        () => deletePerformanceAction(bound),
        () => cancelReservationAction(bound),
        () => checkInReservationAction(bound),
        () => resendReservationEmailAction(bound),
      ])
        expect(await outcome(run)).toMatchObject({ status: "error" });
    }
    expect(await rowCounts()).toEqual(before);
  });

  it("refuses a form that is not FormData", async () => {
    const before = await rowCounts();
    const notForm = { title: "Injected" } as unknown as FormData;
    for (const run of [
      () => createUserAction(IDLE, notForm),
      () => saveShowAction(null, IDLE, notForm),
      () => saveVenueAction(null, IDLE, notForm),
      () => savePageAction(null, IDLE, notForm),
      () => savePerformanceAction(null, IDLE, notForm),
    ])
      expect(await outcome(run)).toMatchObject({ status: "error" });
    expect(await rowCounts()).toEqual(before);
  });
});

describe("admin forms bound dates and poster URLs", () => {
  async function savePerformanceAt(startsAt: string) {
    const existing = await createPerformance();
    return outcome(() =>
      savePerformanceAction(
        null,
        IDLE,
        form({
          showId: String(existing.showId),
          venueId: String(existing.venueId),
          startsAt,
          roomCapacity: "10",
          additionalSeats: "0",
          manuallyOccupiedSeats: "0",
        }),
      ),
    );
  }

  it("refuses a performance in year 0, 1999 or 2100 and writes nothing", async () => {
    for (const startsAt of [
      "0000-01-01T20:00",
      "0099-06-01T20:00",
      "1999-12-31T20:00",
      "2100-01-01T20:00",
    ]) {
      expect(await savePerformanceAt(startsAt)).toMatchObject({
        status: "error",
        fieldErrors: { startsAt: [expect.any(String)] },
      });
      expect(
        await db.performance.count({
          where: {
            OR: [
              { startsAt: { lt: new Date("2000-01-01T00:00:00Z") } },
              { startsAt: { gte: new Date("2100-01-01T00:00:00Z") } },
            ],
          },
        }),
      ).toBe(0);
    }
    expect(await savePerformanceAt("2030-05-01T20:30")).toMatchObject({
      next: expect.stringContaining("NEXT_REDIRECT"),
    });
  });

  it("takes a poster path on this site or an https URL, never a protocol-relative one", async () => {
    const save = (posterImage: string) =>
      outcome(() => saveShowAction(null, IDLE, form({ title: "Poster test", posterImage })));
    for (const posterImage of [
      "//evil.example/p.png",
      "/\\evil.example/p.png",
      "\\\\evil.example/p.png",
      "http://evil.example/p.png",
      "https:/evil.example/p.png",
      "https:///p.png",
      "javascript:alert(1)",
      "data:image/png;base64,AAAA",
      "/ /evil",
    ])
      expect(await save(posterImage)).toMatchObject({
        status: "error",
        fieldErrors: { posterImage: ["invalid_url"] },
      });
    expect(await db.show.count({ where: { title: "Poster test" } })).toBe(0);
    for (const posterImage of ["/posters/amleto.png", "https://cdn.example/p.png", ""])
      expect(await save(posterImage)).toMatchObject({
        next: expect.stringContaining("NEXT_REDIRECT"),
      });
  });
});

describe("public and staff server actions parse their arguments", () => {
  const booking = {
    name: "Maria Rossi",
    email: "maria@example.org",
    party_size: "2",
    privacy_consent: "on",
  };

  it("submitBooking refuses bound ids that are not int32 row ids and writes nothing", async () => {
    const performance = await createPerformance();
    for (const id of [...NOT_IDS, performance.id + 0.5])
      expect(
        await outcome(() => submitBooking(id as number, { status: "idle" }, form(booking))),
      ).toEqual({
        status: "idle",
      });
    expect(await db.reservation.count({ where: { performanceId: performance.id } })).toBe(0);
  });

  it("submitBooking strips NUL and control characters; a name of nothing else is a field error", async () => {
    const performance = await createPerformance();
    const sent = await submitBooking(
      performance.id,
      { status: "idle" },
      form({ ...booking, name: "Maria\u0000 Rossi\r\n", notes: "x\u0000y" }),
    );
    expect(sent).toMatchObject({ status: "sent" });
    const row = await db.reservation.findFirstOrThrow({ where: { performanceId: performance.id } });
    expect([row.name, row.notes]).toEqual(["Maria Rossi", "xy"]);

    const refused = await submitBooking(
      performance.id,
      { status: "idle" },
      form({ ...booking, name: "\u0000\u0000" }),
    );
    expect(refused).toMatchObject({ status: "invalid", errors: { name: "required" } });
    expect(await db.reservation.count({ where: { performanceId: performance.id } })).toBe(1);
  });

  it("the resend panel ignores reservation ids beyond the integer range", async () => {
    const performance = await createPerformance();
    for (const reservationId of ["99999999999", "1.5", "-3", "1e3", "\u0000"])
      expect(
        await submitBooking(
          performance.id,
          { status: "idle" },
          form({ intent: "resend", reservation_id: reservationId, email: "maria@example.org" }),
        ),
      ).toEqual({ status: "idle" });
  });

  it("staff, lost-ticket, language and ticket actions refuse arguments of the wrong type", async () => {
    const notForm = { reservation_id: "1" } as unknown as FormData;
    expect(await checkInReservationManually(null, notForm)).toMatchObject({ ok: false });
    expect(
      await checkInReservationManually(null, form({ reservation_id: "99999999999" })),
    ).toMatchObject({
      ok: false,
    });
    expect(await requestLostTicket({ status: "idle" }, notForm)).toEqual({
      status: "invalid",
      code: "required",
      email: "",
    });
    expect(await requestLostTicket({ status: "idle" }, form({ email: "anna@" }))).toEqual({
      status: "invalid",
      code: "invalid_email",
      email: "anna@",
    });
    await expect(setLocale(notForm)).resolves.toBeUndefined();
    expect(await loadTicket({} as unknown as string)).toBeNull();
    expect(await loadTicket("\u0000".repeat(100_000))).toBeNull();
    expect(await cancelTicket(42 as unknown as string)).toEqual({ ok: false, reason: "not_found" });
  });
});
