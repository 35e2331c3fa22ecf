import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { cancelReservation } from "@/lib/reservations/cancel-reservation";
import { confirmReservation } from "@/lib/reservations/confirm-reservation";
import { followPerformanceStart } from "@/lib/reservations/reservation-tokens";
import { resendLinksForEmail, resendReservationLink } from "@/lib/reservations/resend-links";
import { addDays } from "@/lib/time";
import {
  bookConfirmed,
  bookPending,
  createPerformance,
  TEST_SETTINGS,
} from "@/tests/support/factories";
import { deliverQueuedEmails } from "@/tests/support/email-jobs";

const tokenIn = (text: string, page: "confirm" | "ticket") =>
  new RegExp(`/${page}#token=([A-Za-z0-9_-]{43})`).exec(text)?.[1];

describe("resendReservationLink", () => {
  it("sends a new confirmation link to a pending reservation; the old link stops working", async () => {
    const performance = await createPerformance();
    const booked = await bookPending(performance.id);
    await deliverQueuedEmails();

    expect(
      await resendReservationLink({
        db,
        reservationId: booked.reservationId,
        settings: TEST_SETTINGS,
      }),
    ).toEqual({ ok: true, kind: "confirmation" });
    const sent = await deliverQueuedEmails();

    const fresh = tokenIn(sent[0].text, "confirm")!;
    expect(fresh).not.toBe(booked.confirmationToken);
    expect(
      await confirmReservation({ db, token: booked.confirmationToken, settings: TEST_SETTINGS }),
    ).toMatchObject({ ok: false, reason: "token_replaced" });
    expect(await confirmReservation({ db, token: fresh, settings: TEST_SETTINGS })).toMatchObject({
      ok: true,
    });
  });

  it("asked for a confirmation link only (the booking page's panel), sends a confirmed party nothing", async () => {
    // Found by the soak: the panel answered "closed" but a new ticket went out.
    const performance = await createPerformance();
    const booked = await bookConfirmed(performance.id);
    await deliverQueuedEmails();

    expect(
      await resendReservationLink({
        db,
        reservationId: booked.reservationId,
        only: "confirmation",
        settings: TEST_SETTINGS,
      }),
    ).toEqual({ ok: false, reason: "reservation_closed", status: "confirmed" });
    expect(await deliverQueuedEmails()).toEqual([]);
  });

  it("sends a new ticket to a confirmed reservation; the earlier ticket stays valid", async () => {
    const performance = await createPerformance();
    const booked = await bookConfirmed(performance.id);
    await deliverQueuedEmails();

    expect(
      await resendReservationLink({
        db,
        reservationId: booked.reservationId,
        settings: TEST_SETTINGS,
      }),
    ).toEqual({ ok: true, kind: "ticket" });
    const sent = await deliverQueuedEmails();

    const fresh = tokenIn(sent[0].text, "ticket")!;
    expect(fresh).not.toBe(booked.checkInToken);
    const tickets = await db.reservationToken.findMany({
      where: { reservationId: booked.reservationId, purpose: "check_in" },
    });
    expect(tickets).toHaveLength(2);
    expect(tickets.every((t) => t.revokedAt === null)).toBe(true);
  });

  it("refuses cancelled reservations and unknown ids, sending nothing", async () => {
    const performance = await createPerformance();
    const booked = await bookConfirmed(performance.id);
    await cancelReservation({ db, reservationId: booked.reservationId });
    await deliverQueuedEmails();

    expect(
      await resendReservationLink({
        db,
        reservationId: booked.reservationId,
        settings: TEST_SETTINGS,
      }),
    ).toEqual({ ok: false, reason: "reservation_closed", status: "cancelled" });
    expect(
      await resendReservationLink({
        db,
        reservationId: 999_999,
        settings: TEST_SETTINGS,
      }),
    ).toEqual({
      ok: false,
      reason: "not_found",
    });
    expect(await deliverQueuedEmails()).toHaveLength(0);
  });

  it("refuses a confirmation link once the performance has started", async () => {
    const performance = await createPerformance();
    const booked = await bookPending(performance.id);
    await deliverQueuedEmails();

    const result = await resendReservationLink({
      db,
      settings: TEST_SETTINGS,
      reservationId: booked.reservationId,
      now: addDays(performance.startsAt, 1),
    });
    expect(result).toMatchObject({ ok: false, reason: "reservation_closed" });
    expect(await deliverQueuedEmails()).toHaveLength(0);
  });
});

describe("resendLinksForEmail", () => {
  it("resends every usable reservation of an address, whatever its case, and nothing else", async () => {
    const performance = await createPerformance();
    const past = await createPerformance({ startsAt: addDays(new Date(), 7) });
    const pending = await bookPending(performance.id);
    const confirmed = await bookConfirmed(performance.id);
    const cancelled = await bookConfirmed(performance.id);
    await cancelReservation({ db, reservationId: cancelled.reservationId });
    const old = await bookConfirmed(past.id);
    await db.performance.update({
      where: { id: past.id },
      data: { startsAt: addDays(new Date(), -2) },
    });
    // As the admin's save does in the same transaction: the links follow the performance.
    await followPerformanceStart({ db, performanceId: past.id, settings: TEST_SETTINGS });
    const ids = [pending, confirmed, cancelled, old].map((r) => r.reservationId);
    await db.reservation.updateMany({
      where: { id: { in: ids } },
      data: { email: "lost.ticket@example.org" },
    });
    await deliverQueuedEmails();

    expect(
      await resendLinksForEmail({
        db,
        email: "  LOST.Ticket@example.org ",
        settings: TEST_SETTINGS,
      }),
    ).toBe(2);
    const sent = await deliverQueuedEmails();
    expect(sent.map((m) => m.subject.split(":")[0]).sort()).toEqual([
      "Conferma la tua prenotazione",
      "Il tuo biglietto",
    ]);
  });

  it("sends nothing for an address without reservations", async () => {
    await deliverQueuedEmails();
    expect(
      await resendLinksForEmail({
        db,
        email: "nobody@example.org",
        settings: TEST_SETTINGS,
      }),
    ).toBe(0);
    expect(await deliverQueuedEmails()).toHaveLength(0);
  });
});
