import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import fc from "fast-check";
import { describe, expect, it, vi } from "vitest";
import {
  acceptOfferAction,
  confirmWaitlistAction,
  leaveWaitlistAction,
  submitWaitlistJoin,
  unsubscribeAction,
} from "@/actions/waitlist";
import { db } from "@/lib/db";
import { bookConfirmed, createPerformance } from "@/tests/support/factories";
import { postedText } from "@/tests/support/posted-text";

// The waiting list's server actions called directly, as any client can call them: with
// any arguments. Only the request scope Next provides is replaced; the domain and
// PostgreSQL are real.
process.env.MAIL_DIR = mkdtempSync(path.join(os.tmpdir(), "azionelab-waitlist-actions-mail-"));
process.env.RATE_LIMIT = "off";

vi.mock("next/headers", () => ({
  headers: async () => new Headers({ "x-client-address": "10.9.8.7" }),
  cookies: async () => ({ get: () => undefined, set: () => undefined }),
}));

function form(fields: Record<string, string>) {
  const data = new FormData();
  for (const [key, value] of Object.entries(fields)) data.set(key, value);
  return data;
}

const JOIN = {
  name: "Giulia Bianchi",
  email: "giulia@example.org",
  party_size: "2",
  privacy_consent: "on",
};

describe("joining from the booking page", () => {
  it("refuses ids that are not row ids and forms that are not forms, writing nothing", async () => {
    const before = await db.waitlistEntry.count();
    for (const id of [1.5, "1", 2 ** 31, -1, 0, Number.NaN, {}, [1], true])
      expect(await submitWaitlistJoin(id as number, { status: "idle" }, form(JOIN))).toEqual({
        status: "idle",
      });
    expect(
      await submitWaitlistJoin(1, { status: "idle" }, { name: "x" } as unknown as FormData),
    ).toEqual({ status: "idle" });
    expect(await db.waitlistEntry.count()).toBe(before);
  });

  it("answers field errors with what was typed, then joins a full performance", async () => {
    const performance = await createPerformance({ roomCapacity: 2 });
    await bookConfirmed(performance.id, 2);
    const invalid = await submitWaitlistJoin(
      performance.id,
      { status: "idle" },
      form({ ...JOIN, email: "not-an-address", privacy_consent: "" }),
    );
    expect(invalid).toMatchObject({
      status: "invalid",
      errors: { email: "invalid_email", privacy_consent: "privacy_required" },
      values: { name: "Giulia Bianchi", email: "not-an-address" },
    });
    expect(await submitWaitlistJoin(performance.id, { status: "idle" }, form(JOIN))).toEqual({
      status: "sent",
      email: "giulia@example.org",
    });
    expect(await db.waitlistEntry.count({ where: { performanceId: performance.id } })).toBe(1);
  });

  it("sends to the booking form while the party fits", async () => {
    const performance = await createPerformance({ roomCapacity: 10 });
    expect(await submitWaitlistJoin(performance.id, { status: "idle" }, form(JOIN))).toMatchObject({
      status: "invalid",
      refusal: "seats_available",
    });
  });
});

describe("the emailed links' actions", () => {
  it("answer 'unknown' to anything that is not a live token, and never throw", async () => {
    await fc.assert(
      fc.asyncProperty(fc.anything(), async (token) => {
        expect((await confirmWaitlistAction(token)).kind).toBe("unknown");
        expect((await acceptOfferAction(token)).kind).toBe("token_not_found");
        expect(
          (await leaveWaitlistAction({ kind: "idle" }, form({ token: postedText(token) }))).kind,
        ).toBe("unknown");
        expect(
          (await unsubscribeAction({ kind: "idle" }, form({ token: postedText(token) }))).kind,
        ).toBe("unknown");
      }),
      { numRuns: 50 },
    );
    expect((await confirmWaitlistAction("A".repeat(43))).kind).toBe("unknown");
  });
});
