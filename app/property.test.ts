import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fc, test } from "@fast-check/vitest";
import { beforeAll, describe, expect, vi } from "vitest";
import { deleteShowAction, saveShowAction } from "@/app/admin/shows/actions";
import { savePerformanceAction } from "@/app/admin/performances/actions";
import { updateUserAction } from "@/app/admin/users/actions";
import {
  bookReservationAction,
  editReservationAction,
  moveReservationAction,
} from "@/app/admin/reservations/actions";
import { createPerformancesAction } from "@/app/admin/performances/actions";
import { POST as checkInConfirm } from "@/app/api/check-ins/confirm/route";
import { POST as checkInPreview } from "@/app/api/check-ins/preview/route";
import { GET as getPerformance } from "@/app/api/performances/[id]/route";
import { POST as createReservationRoute } from "@/app/api/performances/[id]/reservations/route";
import { GET as listPerformances } from "@/app/api/performances/route";
import { GET as getQrCode } from "@/app/api/reservations/[id]/qr-code/route";
import { POST as confirmRoute } from "@/app/api/reservations/confirm/route";
import { GET as getShow } from "@/app/api/shows/[slug]/route";
import { submitBooking } from "@/actions/booking";
import { IDLE } from "@/lib/admin/form-state";
import { db } from "@/lib/db";
import { bookConfirmed, createPerformance, createStaffUser } from "@/tests/support/factories";
import { postedText } from "@/tests/support/posted-text";

// Property-based: random and adversarial values for every field of every JSON endpoint
// and of the main server actions, called directly. The properties: never a 5xx, never an
// unexpected exception, and no row written when the input is refused.
process.env.MAIL_DIR = mkdtempSync(path.join(os.tmpdir(), "azionelab-property-mail-"));
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
  headers: async () => new Headers({ "x-client-address": "10.1.2.3" }),
  cookies: async () => ({ get: () => undefined, set: () => undefined }),
}));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));

const BASE = "http://localhost:3000";
const RUNS = { numRuns: 100 };
const params = <T extends Record<string, string>>(value: T) => ({ params: Promise.resolve(value) });

/** Strings that broke or could break something: NUL, lone surrogates, huge numbers, paths. */
const nastyString = fc.oneof(
  fc.constantFrom(
    "",
    " ",
    "\u0000",
    "a\u0000b",
    "\uD800",
    "\uDC00x",
    "\u202Eevil",
    "\r\n",
    "0x3",
    "1e400",
    "-0",
    "NaN",
    "Infinity",
    "99999999999",
    "2147483648",
    "1.5",
    "%00",
    "%FF",
    "../..",
    "//evil.example/p.png",
    "0000-01-01T00:00:00Z",
    "=1+1;",
    "<script>alert(1)</script>",
    "x".repeat(5000),
  ),
  fc.string({ unit: "binary", maxLength: 40 }),
  // Ordinary text with a control character (NUL above all: PostgreSQL refuses it), a lone
  // surrogate or a bidi override inside.
  {
    weight: 2,
    arbitrary: fc
      .tuple(
        fc.string({ maxLength: 10 }),
        fc.oneof(
          fc.constant("\u0000"),
          fc.constantFrom(
            "\u0007",
            "\n",
            "\u001B",
            "\u007F",
            "\u0085",
            "\u2028",
            "\uD800",
            "\u202E",
          ),
        ),
        fc.string({ maxLength: 10 }),
      )
      .map(([before, odd, after]) => `Maria ${before}${odd}${after}`),
  },
);

/** Numbers in disguise: a form field may coerce them, a JSON API must not. */
const looseNumber = fc.constantFrom<unknown>("2", " 3 ", "0x3", "2e0", "３", true, [2], {
  value: 2,
});

/** Any JSON value a client could send in a field. */
const nastyValue = fc.oneof(
  { weight: 4, arbitrary: nastyString },
  { weight: 2, arbitrary: looseNumber },
  fc.integer(),
  fc.constantFrom(0, -1, 1.5, 2 ** 31, 2 ** 53, Number.MAX_VALUE, 1e300),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.boolean(),
  fc.constant(null),
  fc.jsonValue({ maxDepth: 2 }),
);

const field = <T>(good: fc.Arbitrary<T>) => fc.oneof({ weight: 2, arbitrary: good }, nastyValue);

const validBooking = {
  name: "Maria Rossi",
  email: "maria@example.org",
  phone: "",
  party_size: 2,
  notes: "",
};

/** A valid booking with one field (or an unknown one) replaced by a hostile value. */
const oneHostileField = fc
  .tuple(fc.constantFrom("name", "email", "phone", "party_size", "notes", "status"), nastyValue)
  .map(([key, value]) => ({ ...validBooking, [key]: value }));

const randomBooking = fc.record(
  {
    name: field(fc.constantFrom("Maria Rossi", "Niccolò")),
    email: field(fc.constantFrom("maria@example.org", "a@b.it")),
    phone: field(fc.constantFrom("", "+39 06 123")),
    party_size: field(fc.integer({ min: 1, max: 4 })),
    notes: field(fc.constantFrom("", "Wheelchair")),
    status: nastyValue,
  },
  { requiredKeys: [] },
);

function expectNo5xx(response: Response) {
  expect(response.status).toBeLessThan(500);
  expect(response.status).toBeGreaterThanOrEqual(200);
}

/** An action's result, or the redirect / HTTP fallback Next would answer; anything else is a bug. */
async function outcome(run: () => Promise<unknown>): Promise<unknown> {
  try {
    return await run();
  } catch (error) {
    const digest = (error as { digest?: unknown }).digest;
    if (typeof digest === "string" && digest.startsWith("NEXT_")) return { next: digest };
    throw error;
  }
}

function formOf(fields: Record<string, string>) {
  const data = new FormData();
  for (const [key, value] of Object.entries(fields)) data.set(key, value);
  return data;
}

let performanceId: number;
let ticket: Awaited<ReturnType<typeof bookConfirmed>>;
let adminId: number;

beforeAll(async () => {
  const performance = await createPerformance({ roomCapacity: 100_000 });
  performanceId = performance.id;
  ticket = await bookConfirmed(performanceId);
  adminId = (await createStaffUser("ADMIN")).id;
  session.uid = adminId;
});

describe("JSON API under random and adversarial input", () => {
  test.prop(
    [
      fc.oneof({ weight: 3, arbitrary: oneHostileField }, randomBooking, nastyValue),
      fc.option(nastyString, { nil: undefined, freq: 10 }),
    ],
    { numRuns: 400 },
  )(
    "POST /api/performances/{id}/reservations never answers 5xx and writes only a 201",
    async (body, rawBody) => {
      const before = await db.reservation.count();
      const newestBefore = await newestReservationId();
      const response = await createReservationRoute(
        new Request(`${BASE}/api/performances/${performanceId}/reservations`, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: rawBody ?? JSON.stringify(body),
        }),
        params({ id: String(performanceId) }),
      );
      expectNo5xx(response);
      const after = await db.reservation.count();
      if (response.status === 201) {
        const { id } = await response.json();
        // One new row, or none when it repeats a booking just made (a double submit).
        expect(after).toBe(id > newestBefore ? before + 1 : before);
        // The API takes a JSON integer: "3", [5], true or "0x3" are never booked.
        expect(Number.isInteger((body as { party_size?: unknown }).party_size)).toBe(true);
        const row = await db.reservation.findUniqueOrThrow({ where: { id } });
        expect(row.name).not.toMatch(/[\u0000-\u001F\u007F]/);
      } else {
        expect(after).toBe(before);
        expect(await response.json()).toHaveProperty("detail");
      }
    },
  );

  test.prop([nastyString, nastyString], RUNS)(
    "GET /api/shows/{slug} and /api/performances/{id} answer 200 or 404",
    async (slug, id) => {
      const show = await getShow(new Request(`${BASE}/api/shows/x`), params({ slug }));
      expect([200, 404]).toContain(show.status);
      const performance = await getPerformance(
        new Request(`${BASE}/api/performances/x`),
        params({ id }),
      );
      expect([200, 404]).toContain(performance.status);
    },
  );

  test.prop([fc.dictionary(fc.constantFrom("show", "from", "x"), nastyString)], RUNS)(
    "GET /api/performances?show=&from= answers 200 or 400",
    async (query) => {
      const response = await listPerformances(
        new Request(`${BASE}/api/performances?${new URLSearchParams(query)}`),
      );
      expect([200, 400]).toContain(response.status);
    },
  );

  test.prop([nastyValue], RUNS)(
    "POST /api/reservations/confirm never answers 5xx",
    async (token) => {
      const response = await confirmRoute(
        new Request(`${BASE}/api/reservations/confirm`, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ token }),
        }),
      );
      expectNo5xx(response);
      expect(response.status).not.toBe(200);
    },
  );

  // A header value can carry only visible ASCII (fetch refuses the rest before we see it).
  const headerValue = nastyString.filter((value) => /^[\x21-\x7e]+$/.test(value));

  test.prop([nastyString, fc.option(headerValue, { nil: undefined })], RUNS)(
    "GET /api/reservations/{id}/qr-code answers 403 or 404 without the ticket's token",
    async (id, token) => {
      const response = await getQrCode(
        new Request(`${BASE}/api/reservations/${ticket.reservationId}/qr-code`, {
          headers: token === undefined ? {} : { authorization: `Bearer ${token}` },
        }),
        params({ id }),
      );
      expect([403, 404]).toContain(response.status);
    },
  );

  test.prop(
    [
      fc.record(
        {
          token: field(fc.constantFrom("not-a-token", `${BASE}/ticket#token=abc`)),
          performance_id: nastyValue,
          nonce: nastyValue,
        },
        { requiredKeys: [] },
      ),
    ],
    RUNS,
  )("POST /api/check-ins/preview and /confirm never answer 5xx nor check in", async (body) => {
    const before = await db.checkIn.count();
    for (const handler of [checkInPreview, checkInConfirm]) {
      const response = await handler(
        new Request(`${BASE}/api/check-ins/x`, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify(body),
        }),
      );
      expectNo5xx(response);
    }
    expect(await db.checkIn.count()).toBe(before);
  });
});

const formFields = (names: string[]) =>
  fc.dictionary(fc.constantFrom(...names), nastyString, { maxKeys: names.length });

describe("server actions under random and adversarial arguments", () => {
  const bookingForm = {
    name: "Maria Rossi",
    email: "maria@example.org",
    party_size: "2",
    privacy_consent: "on",
  };

  test.prop(
    [
      fc.oneof(fc.constant(0), nastyValue),
      fc.oneof(
        {
          weight: 3,
          arbitrary: fc
            .tuple(
              fc.constantFrom("name", "email", "phone", "party_size", "notes", "reservation_id"),
              nastyString,
            )
            .map(([key, value]) => ({ ...bookingForm, [key]: value })),
        },
        formFields([
          "name",
          "email",
          "phone",
          "party_size",
          "notes",
          "privacy_consent",
          "intent",
          "reservation_id",
        ]),
        fc
          .tuple(
            fc.constantFrom("99999999999", "1.5", "\u0000", "2147483648"),
            fc.constantFrom("maria@example.org", "\u0000"),
          )
          .map(([reservationId, email]) => ({
            intent: "resend",
            reservation_id: reservationId,
            email,
          })),
      ),
    ],
    RUNS,
  )("submitBooking never throws and writes only when it answers sent", async (id, fields) => {
    const before = await db.reservation.count();
    const newestBefore = await newestReservationId();
    const bound = id === 0 ? performanceId : id;
    const result = (await outcome(() =>
      submitBooking(bound as number, { status: "idle" }, formOf(fields as Record<string, string>)),
    )) as { status: string; reservationId?: number };
    const after = await db.reservation.count();
    if (result.status === "sent" && (fields as Record<string, string>).intent !== "resend") {
      // One new row, or none when it repeats a booking just made (a double submit).
      expect(after).toBe(result.reservationId! > newestBefore ? before + 1 : before);
      expect(bound).toBe(performanceId);
    } else expect(after).toBe(before);
  });

  test.prop(
    [
      // Around the admin's own id (1.5 next to 1), or anything at all.
      fc.oneof(fc.double({ min: -0.99, max: 0.99, noNaN: true }), nastyValue),
      fc.record(
        {
          name: field(fc.constant("Me")),
          role: field(fc.constantFrom("STAFF", "ADMIN")),
          isActive: field(fc.constant("on")),
        },
        { requiredKeys: [] },
      ),
    ],
    RUNS,
  )(
    "updateUserAction never throws and an admin never loses their own access",
    async (id, fields) => {
      const bound = typeof id === "number" && Math.abs(id) < 1 ? adminId + id : id;
      const form = Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, postedText(v)]));
      await outcome(() => updateUserAction(bound as number, IDLE, formOf(form)));
      const me = await db.user.findUniqueOrThrow({ where: { id: adminId } });
      expect(me).toMatchObject({ role: "ADMIN", isActive: true });
    },
  );

  test.prop(
    [
      nastyValue,
      formFields([
        "showId",
        "venueId",
        "startsAt",
        "roomCapacity",
        "additionalSeats",
        "manuallyOccupiedSeats",
        "isBookingEnabled",
      ]),
    ],
    RUNS,
  )("savePerformanceAction never throws and writes nothing it refuses", async (id, fields) => {
    const before = await db.performance.findMany({ orderBy: { id: "asc" } });
    const result = (await outcome(() =>
      savePerformanceAction(id as number, IDLE, formOf(fields)),
    )) as { status?: string };
    if (result.status === "error")
      expect(await db.performance.findMany({ orderBy: { id: "asc" } })).toEqual(before);
  });

  test.prop(
    [
      nastyValue,
      formFields(["title", "slug", "summary", "description", "posterImage", "isPublished"]),
    ],
    RUNS,
  )(
    "saveShowAction and deleteShowAction never throw and write nothing they refuse",
    async (id, fields) => {
      const before = await db.show.findMany({ orderBy: { id: "asc" } });
      const saved = (await outcome(() => saveShowAction(id as number, IDLE, formOf(fields)))) as {
        status?: string;
      };
      if (saved.status === "error")
        expect(await db.show.findMany({ orderBy: { id: "asc" } })).toEqual(before);
      const deleted = (await outcome(() => deleteShowAction(id as number))) as { status?: string };
      if (deleted.status === "error") expect(await db.show.count()).toBeGreaterThan(0);
    },
  );
});

describe("the box office's actions under random and adversarial arguments", () => {
  // "PERFORMANCE" and "RESERVATION" stand for rows made in beforeAll, so that some runs
  // get far enough to be refused by the domain (or succeed), not only by the schema.
  const withRows = (fields: Record<string, string>) =>
    Object.fromEntries(
      Object.entries(fields).map(([k, v]) => [
        k,
        v === "PERFORMANCE"
          ? String(performanceId)
          : v === "RESERVATION"
            ? String(ticket.reservationId)
            : v,
      ]),
    );
  const text = (good: fc.Arbitrary<string>) =>
    fc.oneof({ weight: 2, arbitrary: good }, nastyString);
  const bookingFields = fc.record(
    {
      performanceId: text(fc.constantFrom("PERFORMANCE", "2147483647")),
      channel: text(fc.constantFrom("phone", "walk_in", "guest", "online")),
      name: text(fc.constant("Telefonata")),
      email: text(fc.constantFrom("", "caller@example.org")),
      phone: text(fc.constantFrom("", "+39 06 123")),
      party_size: text(fc.constantFrom("1", "0", "201", "2")),
      notes: nastyString,
      locale: text(fc.constantFrom("it", "en")),
      sendEmail: text(fc.constant("on")),
      overrideCapacity: text(fc.constant("on")),
    },
    { requiredKeys: [] },
  );

  test.prop([bookingFields], RUNS)(
    "bookReservationAction never throws and writes nothing it refuses",
    async (fields) => {
      const [reservations, audits] = [await db.reservation.count(), await db.auditEntry.count()];
      const result = (await outcome(() =>
        bookReservationAction(IDLE, formOf(withRows(fields))),
      )) as {
        status?: string;
      };
      if (result.status === "error") {
        expect(await db.reservation.count()).toBe(reservations);
        expect(await db.auditEntry.count()).toBe(audits);
      }
    },
  );

  test.prop([fc.oneof(fc.constant("RESERVATION"), nastyValue), bookingFields], RUNS)(
    "editReservationAction and moveReservationAction never throw and change nothing they refuse",
    async (id, fields) => {
      const bound = id === "RESERVATION" ? ticket.reservationId : id;
      const before = await db.reservation.findUniqueOrThrow({
        where: { id: ticket.reservationId },
      });
      const edited = (await outcome(() =>
        editReservationAction(bound as number, IDLE, formOf(withRows(fields))),
      )) as { status?: string };
      if (edited.status === "error")
        expect(
          await db.reservation.findUniqueOrThrow({ where: { id: ticket.reservationId } }),
        ).toEqual(before);
      const current = await db.reservation.findUniqueOrThrow({
        where: { id: ticket.reservationId },
      });
      const moved = (await outcome(() =>
        moveReservationAction(bound as number, IDLE, formOf(withRows(fields))),
      )) as { status?: string };
      if (moved.status === "error")
        expect(
          await db.reservation.findUniqueOrThrow({ where: { id: ticket.reservationId } }),
        ).toEqual(current);
    },
  );

  test.prop(
    [
      fc.record(
        {
          showId: nastyString,
          venueId: nastyString,
          startsAt: text(fc.constantFrom("2031-03-05T20:30", "2031-03-30T02:30")),
          roomCapacity: text(fc.constantFrom("", "50")),
          additionalSeats: nastyString,
          manuallyOccupiedSeats: nastyString,
          repeat: text(fc.constantFrom("none", "dates", "weekly")),
          dates: text(
            fc.constantFrom("2031-03-12", "2031-02-30, 2031-03-12", "2031-03-12 2031-03-12"),
          ),
          until: text(fc.constantFrom("2031-04-30", "2030-01-01", "2099-01-01")),
        },
        { requiredKeys: [] },
      ),
    ],
    RUNS,
  )("createPerformancesAction never throws and creates nothing it refuses", async (fields) => {
    const before = await db.performance.count();
    const result = (await outcome(() => createPerformancesAction(IDLE, formOf(fields)))) as {
      status?: string;
    };
    if (result.status === "error") expect(await db.performance.count()).toBe(before);
  });
});

async function newestReservationId(): Promise<number> {
  return (await db.reservation.aggregate({ _max: { id: true } }))._max.id ?? 0;
}
