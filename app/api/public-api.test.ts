import { mkdtempSync, readdirSync, readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { GET as getPerformance } from "@/app/api/performances/[id]/route";
import { POST as createReservationRoute } from "@/app/api/performances/[id]/reservations/route";
import { GET as listPerformances } from "@/app/api/performances/route";
import { GET as getQrCode } from "@/app/api/reservations/[id]/qr-code/route";
import { POST as confirmRoute } from "@/app/api/reservations/confirm/route";
import { GET as getShow } from "@/app/api/shows/[slug]/route";
import { GET as listShows } from "@/app/api/shows/route";
import { db } from "@/lib/db";
import { addDays, addHours, utcToZonedLocal, zonedLocalToUtc } from "@/lib/time";
import { generateToken } from "@/lib/tokens";
import { fileTransport } from "@/lib/mail/transport";
import { deliverQueuedEmails } from "@/tests/support/email-jobs";
import { bookConfirmed, bookPending, createPerformance } from "@/tests/support/factories";

// Read once by config() on first use: every email of this file lands in its own mailbox.
const mailDir = mkdtempSync(path.join(os.tmpdir(), "azionelab-api-mail-"));
process.env.MAIL_DIR = mailDir;
process.env.APP_URL = "https://teatro.example";

const BASE = "http://localhost:3000";
let address = 0;
// A fresh client address per request (as the production server stamps it), so the per-address rate limits stay out of the way.
const headers = (extra: Record<string, string> = {}) => ({
  "content-type": "application/json",
  "x-client-address": `10.0.0.${++address % 250}`,
  ...extra,
});
const params = <T extends Record<string, string>>(value: T) => ({ params: Promise.resolve(value) });

function book(performanceId: number | string, body: unknown, extra: Record<string, string> = {}) {
  const request = new Request(`${BASE}/api/performances/${performanceId}/reservations`, {
    method: "POST",
    headers: headers(extra),
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
  return createReservationRoute(request, params({ id: String(performanceId) }));
}

function confirm(body: unknown, extra: Record<string, string> = {}) {
  return confirmRoute(
    new Request(`${BASE}/api/reservations/confirm`, {
      method: "POST",
      headers: headers(extra),
      body: JSON.stringify(body),
    }),
  );
}

const validBooking = {
  name: "Maria Rossi",
  email: "maria@example.org",
  phone: "+39 06 000",
  party_size: 2,
  notes: "",
};

/** Delivers the queued emails (as the job runner would, into this file's mailbox), then reads the newest. */
async function newestMailTo(to: string) {
  await deliverQueuedEmails(fileTransport(mailDir));
  const files = readdirSync(mailDir)
    .filter((f) => f.endsWith(".json"))
    .sort();
  const mails = files.map(
    (f) =>
      JSON.parse(readFileSync(path.join(mailDir, f), "utf8")) as {
        to: string;
        text: string;
        subject: string;
      },
  );
  return mails.filter((m) => m.to === to).at(-1);
}

describe("GET /api/shows and /api/shows/{slug}", () => {
  it("lists published shows only, in the contract's shape", async () => {
    const published = await createPerformance();
    const hidden = await createPerformance({ published: false });
    const body = await (await listShows()).json();
    const slugs = body.results.map((s: { slug: string }) => s.slug);
    const show = await db.show.findUniqueOrThrow({ where: { id: published.showId } });
    expect(slugs).toContain(show.slug);
    expect(body.results.find((s: { slug: string }) => s.slug === show.slug)).toEqual({
      id: show.id,
      title: show.title,
      slug: show.slug,
      summary: "",
      poster_image: null,
    });
    const hiddenShow = await db.show.findUniqueOrThrow({ where: { id: hidden.showId } });
    expect(slugs).not.toContain(hiddenShow.slug);
  });

  it("shows a published show with its upcoming performances and seats left; 404 otherwise", async () => {
    const performance = await createPerformance({ roomCapacity: 10, manuallyOccupiedSeats: 1 });
    await bookConfirmed(performance.id, 3);
    await bookPending(performance.id, 4); // pending holds no seats
    const show = await db.show.findUniqueOrThrow({ where: { id: performance.showId } });

    const response = await getShow(
      new Request(`${BASE}/api/shows/${show.slug}`),
      params({ slug: show.slug }),
    );
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body.performances).toEqual([
      {
        id: performance.id,
        starts_at: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+0[12]:00$/),
        venue: { name: expect.any(String), city: "Rome" },
        booking_enabled: true,
        available_seats: 6,
      },
    ]);

    const hidden = await createPerformance({ published: false });
    const hiddenShow = await db.show.findUniqueOrThrow({ where: { id: hidden.showId } });
    expect((await getShow(new Request(BASE), params({ slug: hiddenShow.slug }))).status).toBe(404);
    const missing = await getShow(new Request(BASE), params({ slug: "no-such-show" }));
    expect(missing.status).toBe(404);
    expect(await missing.json()).toMatchObject({ status: "not_found", detail: expect.any(String) });
  });
});

describe("GET /api/performances", () => {
  it("filters by show and from, and answers 400 to a malformed date", async () => {
    const soon = await createPerformance({ startsAt: addDays(new Date(), 2) });
    const show = await db.show.findUniqueOrThrow({ where: { id: soon.showId } });
    const later = await db.performance.create({
      data: {
        showId: soon.showId,
        venueId: soon.venueId,
        startsAt: addDays(new Date(), 20),
        roomCapacity: 5,
      },
    });

    const all = await (
      await listPerformances(new Request(`${BASE}/api/performances?show=${show.slug}`))
    ).json();
    expect(all.results.map((p: { id: number }) => p.id)).toEqual([soon.id, later.id]);
    expect(all.results[0]).toMatchObject({
      show: { title: show.title, slug: show.slug },
      booking_enabled: true,
      available_seats: 10,
    });

    const from = addDays(new Date(), 10).toISOString();
    const filtered = await (
      await listPerformances(
        new Request(`${BASE}/api/performances?show=${show.slug}&from=${encodeURIComponent(from)}`),
      )
    ).json();
    expect(filtered.results.map((p: { id: number }) => p.id)).toEqual([later.id]);

    expect(
      (await listPerformances(new Request(`${BASE}/api/performances?from=yesterday`))).status,
    ).toBe(400);
    expect(
      (await listPerformances(new Request(`${BASE}/api/performances?colour=red`))).status,
    ).toBe(400);
  });

  it("reads a bare `from` date as midnight in Rome: a 00:30 performance that day is listed", async () => {
    const day = utcToZonedLocal(addDays(new Date(), 30), "Europe/Rome").slice(0, 10);
    const justAfterMidnight = await createPerformance({
      startsAt: zonedLocalToUtc(`${day}T00:30`, "Europe/Rome")!,
    });
    const show = await db.show.findUniqueOrThrow({ where: { id: justAfterMidnight.showId } });
    const listed = await (
      await listPerformances(new Request(`${BASE}/api/performances?show=${show.slug}&from=${day}`))
    ).json();
    expect(listed.results.map((p: { id: number }) => p.id)).toEqual([justAfterMidnight.id]);
  });

  it("describes one performance; 404 for unknown, unpublished or malformed ids", async () => {
    const performance = await createPerformance();
    const ok = await getPerformance(new Request(BASE), params({ id: String(performance.id) }));
    expect(ok.status).toBe(200);
    expect(await ok.json()).toMatchObject({
      id: performance.id,
      venue: { address: "Via Example 1", city: "Rome" },
      available_seats: 10,
    });

    const hidden = await createPerformance({ published: false });
    for (const id of [String(hidden.id), "999999", "abc", "1.5", "-1"]) {
      expect((await getPerformance(new Request(BASE), params({ id }))).status, id).toBe(404);
    }
  });
});

describe("POST /api/performances/{id}/reservations", () => {
  it("creates a pending reservation (201) and emails the confirmation link", async () => {
    const performance = await createPerformance();
    const response = await book(performance.id, { ...validBooking, email: "created@example.org" });
    expect(response.status).toBe(201);
    const body = await response.json();
    expect(body).toEqual({
      id: expect.any(Number),
      status: "pending",
      performance: performance.id,
      party_size: 2,
      email_queued: true,
      message: expect.any(String),
    });
    expect((await db.reservation.findUniqueOrThrow({ where: { id: body.id } })).status).toBe(
      "pending",
    );
    expect((await newestMailTo("created@example.org"))?.text).toMatch(
      /https:\/\/teatro\.example\/confirm#token=[A-Za-z0-9_-]{43}/,
    );
  });

  it("refuses a client that sets status or any other protected field (400), creating nothing", async () => {
    const performance = await createPerformance();
    for (const extra of [
      { status: "confirmed" },
      { confirmed_at: "2026-01-01" },
      { id: 1 },
      { performance: 2 },
      { token: "x" },
    ]) {
      const response = await book(performance.id, { ...validBooking, ...extra });
      expect(response.status, JSON.stringify(extra)).toBe(400);
      expect((await response.json()).non_field_errors).toBeDefined();
    }
    expect(await db.reservation.count({ where: { performanceId: performance.id } })).toBe(0);
  });

  it("answers 400 with field errors, 400 for malformed JSON and 415 for another content type", async () => {
    const performance = await createPerformance();
    const invalid = await book(performance.id, { name: "", email: "nope", party_size: 0 });
    expect(invalid.status).toBe(400);
    expect(await invalid.json()).toMatchObject({
      name: ["required"],
      email: ["invalid_email"],
      party_size: ["party_size_min"],
      detail: expect.any(String),
    });
    expect((await book(performance.id, { ...validBooking, party_size: 11 })).status).toBe(400);

    const malformed = await book(performance.id, "{not json");
    expect(malformed.status).toBe(400);
    expect(await malformed.json()).toMatchObject({ status: "malformed_json" });

    const form = await book(performance.id, JSON.stringify(validBooking), {
      "content-type": "application/x-www-form-urlencoded",
    });
    expect(form.status).toBe(415);
    expect(await form.json()).toMatchObject({
      status: "unsupported_media_type",
      detail: expect.any(String),
    });
  });

  it("answers 404 for unknown or unpublished performances", async () => {
    const hidden = await createPerformance({ published: false });
    expect((await book(hidden.id, validBooking)).status).toBe(404);
    expect((await book(999_999, validBooking)).status).toBe(404);
    expect((await book("abc", validBooking)).status).toBe(404);
  });

  it("answers 409 when booking is closed or too few seats are left", async () => {
    const disabled = await createPerformance({ isBookingEnabled: false });
    const closed = await book(disabled.id, validBooking);
    expect(closed.status).toBe(409);
    expect(await closed.json()).toMatchObject({ status: "booking_closed" });

    const small = await createPerformance({ roomCapacity: 3 });
    await bookConfirmed(small.id, 2);
    const full = await book(small.id, { ...validBooking, party_size: 2 });
    expect(full.status).toBe(409);
    expect(await full.json()).toMatchObject({ status: "insufficient_seats", available_seats: 1 });
  });

  it("refuses cross-site requests (403)", async () => {
    const performance = await createPerformance();
    expect(
      (await book(performance.id, validBooking, { origin: "https://evil.example" })).status,
    ).toBe(403);
    expect(
      (await book(performance.id, validBooking, { "sec-fetch-site": "cross-site" })).status,
    ).toBe(403);
  });

  it("rate-limits one client address (429 with Retry-After)", async () => {
    const performance = await createPerformance({ roomCapacity: 100 });
    const from = { "x-client-address": "192.0.2.77" };
    const statuses: number[] = [];
    for (let i = 0; i < 11; i += 1)
      statuses.push((await book(performance.id, validBooking, from)).status);
    expect(statuses.slice(0, 10).every((s) => s === 201)).toBe(true);
    const limited = await book(performance.id, validBooking, from);
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(await limited.json()).toMatchObject({
      status: "rate_limited",
      detail: expect.any(String),
    });
  });
});

describe("POST /api/reservations/confirm", () => {
  it("confirms (200) with the ticket URL, and sends the ticket email", async () => {
    const performance = await createPerformance();
    const booked = await bookPending(performance.id, 2, new Date(), "maria.rossi@example.org");
    const response = await confirm({ token: booked.confirmationToken });
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body).toEqual({
      reservation_id: booked.reservationId,
      status: "confirmed",
      party_size: 2,
      qr_code_url: `https://teatro.example/api/reservations/${booked.reservationId}/qr-code`,
      ticket_url: expect.stringMatching(
        /^https:\/\/teatro\.example\/ticket#token=[A-Za-z0-9_-]{43}$/,
      ),
      ticket_email_queued: true,
    });
    expect((await newestMailTo("maria.rossi@example.org"))?.text).toContain(body.ticket_url);
  });

  it("answers 409 to a second confirmation, 404 to an unknown token, 410 to an expired one, 400 to a malformed one", async () => {
    const performance = await createPerformance();
    const booked = await bookPending(performance.id);
    await confirm({ token: booked.confirmationToken });
    const again = await confirm({ token: booked.confirmationToken });
    expect(again.status).toBe(409);
    expect(await again.json()).toMatchObject({
      status: "already_confirmed",
      detail: expect.any(String),
    });

    expect((await confirm({ token: generateToken() })).status).toBe(404);

    const old = await bookPending(performance.id, 1, addHours(new Date(), -30));
    const expired = await confirm({ token: old.confirmationToken });
    expect(expired.status).toBe(410);
    expect(await expired.json()).toMatchObject({ status: "expired" });

    expect((await confirm({ token: "short" })).status).toBe(400);
    expect((await confirm({})).status).toBe(400);
    expect((await confirm({ token: generateToken(), status: "confirmed" })).status).toBe(400);
  });

  it("answers 409 when the party no longer fits", async () => {
    const performance = await createPerformance({ roomCapacity: 3 });
    const first = await bookPending(performance.id, 2);
    const second = await bookPending(performance.id, 2);
    expect((await confirm({ token: first.confirmationToken })).status).toBe(200);
    const full = await confirm({ token: second.confirmationToken });
    expect(full.status).toBe(409);
    expect(await full.json()).toMatchObject({ status: "insufficient_seats" });
  });

  it("refuses another content type (415) and cross-site requests (403)", async () => {
    const request = new Request(`${BASE}/api/reservations/confirm`, {
      method: "POST",
      headers: { "content-type": "text/plain" },
      body: "{}",
    });
    expect((await confirmRoute(request)).status).toBe(415);
    expect(
      (await confirm({ token: generateToken() }, { origin: "https://evil.example" })).status,
    ).toBe(403);
  });
});

describe("GET /api/reservations/{id}/qr-code", () => {
  const qr = (id: number | string, token?: string) =>
    getQrCode(
      new Request(`${BASE}/api/reservations/${id}/qr-code`, {
        headers: token ? { authorization: `Bearer ${token}` } : {},
      }),
      params({ id: String(id) }),
    );

  it("returns the QR image to the ticket holder (200) and nobody else (403)", async () => {
    const performance = await createPerformance();
    const mine = await bookConfirmed(performance.id);
    const other = await bookConfirmed(performance.id);

    const ok = await qr(mine.reservationId, mine.checkInToken);
    expect(ok.status).toBe(200);
    expect(await ok.json()).toEqual({
      reservation_id: mine.reservationId,
      qr_code_image: expect.stringMatching(/^data:image\/png;base64,/),
      printable: true,
    });

    expect((await qr(mine.reservationId)).status).toBe(403);
    expect((await qr(mine.reservationId, other.checkInToken)).status).toBe(403);
    expect((await qr(mine.reservationId, mine.confirmationToken)).status).toBe(403);
  });

  it("answers the same 403 to every request without a valid, live token (no id oracle)", async () => {
    const performance = await createPerformance();
    const booked = await bookConfirmed(performance.id);
    const expired = await bookConfirmed(performance.id);
    const cancelled = await bookConfirmed(performance.id);
    await db.reservationToken.updateMany({
      where: { reservationId: expired.reservationId, purpose: "check_in" },
      data: { expiresAt: addHours(new Date(), -1) },
    });
    await db.reservation.update({
      where: { id: cancelled.reservationId },
      data: { status: "cancelled" },
    });

    const answers = [
      await qr(2_147_483_000), // no such reservation, no token
      await qr(2_147_483_000, booked.checkInToken), // no such reservation, someone's live token
      await qr(booked.reservationId), // existing, no token
      await qr(booked.reservationId, generateToken()), // existing, unknown token
      await qr(expired.reservationId, expired.checkInToken), // its own token, expired
      await qr(cancelled.reservationId, cancelled.checkInToken), // its own token, cancelled
    ];
    const seen = await Promise.all(answers.map(async (r) => [r.status, await r.json()]));
    for (const answer of seen) expect(answer).toEqual(seen[0]);
    expect(seen[0][0]).toBe(403);
    expect((await qr(booked.reservationId, booked.checkInToken)).status).toBe(200);
  });

  it("answers 404 for a path that is no reservation id", async () => {
    for (const id of ["abc", "1.5", "0", "99999999999", "%00"])
      expect((await qr(id)).status).toBe(404);
  });
});

describe("logs", () => {
  let output: string[];
  beforeEach(() => {
    output = [];
    for (const method of ["log", "info", "warn", "error", "debug"] as const) {
      vi.spyOn(console, method).mockImplementation(
        (...args: unknown[]) => void output.push(args.map(String).join(" ")),
      );
    }
  });
  afterEach(() => vi.restoreAllMocks());

  it("never contain a raw token or the visitor's address, even when the email fails", async () => {
    const performance = await createPerformance();
    const booked = await book(performance.id, { ...validBooking, email: "logged@example.org" });
    const link = (await newestMailTo("logged@example.org"))!.text;
    const token = /confirm#token=([A-Za-z0-9_-]{43})/.exec(link)![1];
    const confirmed = await (await confirm({ token })).json();
    const ticketToken = confirmed.ticket_url.split("token=")[1];

    // A broken mailbox (its directory path runs through a file): the job's attempt fails and is logged.
    const aFile = path.join(
      mailDir,
      readdirSync(mailDir).find((f) => f.endsWith(".json"))!,
    );
    const failed = await book(performance.id, { ...validBooking, email: "logged@example.org" });
    expect(failed.status).toBe(201);
    expect(await failed.json()).toMatchObject({ email_queued: true });
    await deliverQueuedEmails(fileTransport(path.join(aFile, "not-a-dir")));

    const all = output.join("\n");
    expect(all).toContain("email not sent");
    expect(booked.status).toBe(201);
    for (const secret of [token, ticketToken, "logged@example.org"])
      expect(all).not.toContain(secret);
  });
});
