// Reaching the audience on PostgreSQL: a cancelled performance, messages to holders,
// reminders the day before, unsubscribing. Emails go through the real job runner.
import pg from "pg";
import { describe, expect, it } from "vitest";
import { cancelPerformance } from "@/lib/audience/cancel-performance";
import { sendEmailAgain } from "@/lib/admin/email-deliveries";
import { savePerformance } from "@/lib/admin/performances";
import { MailDeliveryError } from "@/lib/mail/transport";
import { messageHolders } from "@/lib/audience/message-holders";
import { sendReminders } from "@/lib/audience/reminders";
import { unsubscribeFromMessages } from "@/lib/audience/unsubscribe";
import { previewCheckIn } from "@/lib/check-ins/check-in";
import { db } from "@/lib/db";
import { confirmReservation } from "@/lib/reservations/confirm-reservation";
import { createReservation } from "@/lib/reservations/create-reservation";
import { zonedLocalToUtc } from "@/lib/time";
import { deliverQueuedEmails } from "@/tests/support/email-jobs";
import {
  bookConfirmed,
  bookPending,
  createPerformance,
  createStaffUser,
  TEST_SETTINGS,
} from "@/tests/support/factories";
import { joinConfirmed, linkToken } from "@/tests/support/waitlist";

const ROME = "Europe/Rome";
const at = (local: string) => zonedLocalToUtc(local, ROME)!;

async function admin() {
  const user = await createStaffUser("ADMIN");
  return { id: user.id, email: user.email };
}

async function showTitle(performanceId: number) {
  const performance = await db.performance.findUniqueOrThrow({
    where: { id: performanceId },
    include: { show: true },
  });
  return performance.show.title;
}

const about = async (performanceId: number) => {
  const title = await showTitle(performanceId);
  return (await deliverQueuedEmails()).filter((mail) => mail.subject.includes(title));
};

describe("cancelling a performance", () => {
  it("tells every holder and waiting-list entry; nothing books, confirms or gets in any more", async () => {
    const performance = await createPerformance({ roomCapacity: 5 });
    const confirmed = await bookConfirmed(performance.id, 2);
    const also = await bookConfirmed(performance.id, 2);
    const pending = await bookPending(performance.id, 1);
    const waiting = await joinConfirmed(performance.id, 2);
    await deliverQueuedEmails();
    const actor = await admin();

    const result = await cancelPerformance({ db, actor, performanceId: performance.id });
    expect(result).toMatchObject({ ok: true, holders: 3, waitlist: 1 });
    expect(await cancelPerformance({ db, actor, performanceId: performance.id })).toEqual({
      ok: false,
      reason: "already_cancelled",
    });

    const mails = await about(performance.id);
    expect(mails.filter((mail) => mail.subject.startsWith("Replica annullata"))).toHaveLength(4);
    expect(
      await db.waitlistEntry.findUniqueOrThrow({ where: { id: waiting.entryId } }),
    ).toMatchObject({ status: "closed" });
    // The send is recorded with its count and audited.
    const message = await db.performanceMessage.findFirstOrThrow({
      where: { performanceId: performance.id },
      include: { deliveries: true },
    });
    expect(message).toMatchObject({ kind: "cancellation", recipients: 3 });
    expect(message.deliveries.map((d) => d.status)).toEqual(["sent", "sent", "sent"]);
    expect(
      await db.auditEntry.findFirstOrThrow({
        where: { action: "performance.cancel", entityId: performance.id },
      }),
    ).toMatchObject({ summary: expect.stringContaining("3 holders and 1 waiting-list") });

    // The door refuses with that reason; no booking or confirmation goes through.
    expect(await previewCheckIn({ db, target: { token: confirmed.checkInToken } })).toMatchObject({
      ok: false,
      reason: "performance_cancelled",
    });
    expect(
      await confirmReservation({ db, token: pending.confirmationToken, settings: TEST_SETTINGS }),
    ).toMatchObject({ ok: false, reason: "booking_closed" });
    expect(
      await createReservation({
        db,
        performanceId: performance.id,
        input: { name: "Late", email: "late@example.org", phone: "", party_size: 1, notes: "" },
        locale: "it",
        settings: TEST_SETTINGS,
      }),
    ).toMatchObject({ ok: false, reason: "booking_closed" });
    void also;
  });
});

describe("messages to holders", () => {
  it("reach every confirmed holder in the language they booked in; an unsubscribe is honoured, except for the cancellation notice", async () => {
    const performance = await createPerformance({ roomCapacity: 10 });
    const italian = await bookConfirmed(performance.id, 2);
    const english = await bookConfirmed(performance.id, 2);
    await db.reservation.update({ where: { id: english.reservationId }, data: { locale: "en" } });
    await bookPending(performance.id, 1); // not a holder of seats yet: no message
    await deliverQueuedEmails();
    const actor = await admin();

    const sent = await messageHolders({
      db,
      actor,
      performanceId: performance.id,
      message: {
        subject: "Si comincia alle 20:30",
        body: "Cari spettatori,\n\nlo spettacolo inizia mezz'ora dopo.",
        subjectEn: "We start at 20:30",
        bodyEn: "Dear audience,\n\nthe show starts half an hour later.",
      },
    });
    expect(sent).toMatchObject({ ok: true, recipients: 2 });
    const mails = await deliverQueuedEmails();
    const subjects = mails.map((mail) => mail.subject).sort();
    expect(subjects).toEqual(["Si comincia alle 20:30", "We start at 20:30"]);
    const englishMail = mails.find((mail) => mail.subject === "We start at 20:30")!;
    expect(englishMail.text).toContain("the show starts half an hour later.");
    // No email reveals other attendees: each goes to one address, naming one party.
    for (const mail of mails) expect(mail.to.split(",")).toHaveLength(1);

    // The English visitor unsubscribes: no more messages, but the cancellation still arrives.
    expect(
      await unsubscribeFromMessages({ db, token: linkToken(englishMail, "/en/unsubscribe") }),
    ).toEqual({ ok: true });
    const again = await messageHolders({
      db,
      actor,
      performanceId: performance.id,
      message: { subject: "Secondo avviso", body: "Testo.", subjectEn: "", bodyEn: "" },
    });
    expect(again).toMatchObject({ ok: true, recipients: 1 });
    expect((await deliverQueuedEmails()).map((mail) => mail.subject)).toEqual(["Secondo avviso"]);
    await cancelPerformance({ db, actor, performanceId: performance.id });
    expect((await about(performance.id)).map((mail) => mail.subject.slice(0, 17)).sort()).toEqual([
      "Performance cance",
      "Replica annullata",
      "Replica annullata", // the pending booking (Italian) is told too
    ]);
    void italian;
  });
});

describe("reminders", () => {
  const settings = { hour: 10, timeZone: ROME };

  it("go out at 10:00 Rome time the day before, once, even when the job runs twice at once", async () => {
    const performance = await createPerformance({ startsAt: at("2031-03-14T21:00") });
    await db.venue.update({
      where: { id: performance.venueId },
      data: { notes: "Ingresso dal cortile, senza gradini." },
    });
    const booking = await bookConfirmed(performance.id, 2);
    await db.reservation.update({
      where: { id: booking.reservationId },
      data: { confirmedAt: at("2031-03-01T12:00") },
    });
    await deliverQueuedEmails();

    const run = (local: string) =>
      sendReminders({ db, settings, tokenSettings: TEST_SETTINGS, now: at(local) });
    expect(await run("2031-03-13T09:59")).toBe(0);
    const counts = await Promise.all([run("2031-03-13T10:00"), run("2031-03-13T10:00")]);
    expect(counts.sort()).toEqual([0, 1]);
    expect(await run("2031-03-13T10:15")).toBe(0);
    const mails = await about(performance.id);
    expect(mails).toHaveLength(1);
    expect(mails[0].text).toContain("Ingresso dal cortile, senza gradini.");
    expect(linkToken(mails[0], "/ticket")).toHaveLength(43);
    expect(linkToken(mails[0], "/unsubscribe")).toHaveLength(43);
  });

  it("go out on the day for a booking made after the day-before time; never for a cancelled performance or a visitor who unsubscribed", async () => {
    const late = await createPerformance({ startsAt: at("2031-04-14T21:00") });
    const lateBooking = await bookConfirmed(late.id, 2);
    await db.reservation.update({
      where: { id: lateBooking.reservationId },
      data: { confirmedAt: at("2031-04-13T18:00") },
    });
    const cancelled = await createPerformance({ startsAt: at("2031-04-14T21:00") });
    await bookConfirmed(cancelled.id, 2);
    await cancelPerformance({ db, actor: await admin(), performanceId: cancelled.id });
    const quiet = await bookConfirmed(late.id, 1);
    await db.reservation.update({
      where: { id: quiet.reservationId },
      data: { confirmedAt: at("2031-04-01T18:00"), messagesOptOutAt: new Date() },
    });
    await deliverQueuedEmails();

    const run = (local: string) =>
      sendReminders({ db, settings, tokenSettings: TEST_SETTINGS, now: at(local) });
    expect(await run("2031-04-13T18:30")).toBe(0);
    expect(await run("2031-04-14T10:00")).toBe(1);
    const mails = (await deliverQueuedEmails()).map((mail) => mail.subject);
    expect(mails).toEqual([`Promemoria: ${await showTitle(late.id)}, lunedì 14 aprile 2031`]);
  });
});

describe("sending a failed email to a holder again", () => {
  it("repeats the same message (never a ticket or a confirmation link instead)", async () => {
    const performance = await createPerformance({ roomCapacity: 10 });
    await bookConfirmed(performance.id, 2);
    await deliverQueuedEmails();
    const actor = await admin();
    await messageHolders({
      db,
      actor,
      performanceId: performance.id,
      message: {
        subject: "Cambio di sala",
        body: "Ci vediamo al piano di sopra.",
        subjectEn: "",
        bodyEn: "",
      },
    });
    const delivery = await db.emailDelivery.findFirstOrThrow({
      where: { kind: "message", reservation: { performanceId: performance.id } },
    });
    // The provider refuses it for good.
    await deliverQueuedEmails(async () => {
      throw new MailDeliveryError("invalid_address", true);
    });
    expect(await db.emailDelivery.findUniqueOrThrow({ where: { id: delivery.id } })).toMatchObject({
      status: "failed",
    });

    expect(
      await sendEmailAgain({ db, deliveryId: delivery.id, settings: TEST_SETTINGS, actor }),
    ).toMatchObject({ ok: true });
    expect((await deliverQueuedEmails()).map((mail) => mail.subject)).toEqual(["Cambio di sala"]);
  });
});

describe("a changed time or venue", () => {
  it("is told to the holders only when the admin says so, and only when the time or venue moved", async () => {
    const performance = await createPerformance({ roomCapacity: 10 });
    await bookConfirmed(performance.id, 2);
    await deliverQueuedEmails();
    const actor = await admin();
    const save = (changes: Record<string, string>) =>
      savePerformance({
        db,
        actor,
        id: performance.id,
        input: {
          showId: String(performance.showId),
          venueId: String(performance.venueId),
          startsAt: "2030-12-12T21:00",
          roomCapacity: "10",
          additionalSeats: "0",
          manuallyOccupiedSeats: "0",
          isBookingEnabled: "on",
          ...changes,
        },
        timeZone: ROME,
        tokenSettings: TEST_SETTINGS,
      });
    expect(await save({})).toMatchObject({ ok: true }); // moved, not told
    expect(await about(performance.id)).toEqual([]);
    expect(await save({ notifyHolders: "on", roomCapacity: "12" })).toMatchObject({ ok: true });
    expect(await about(performance.id)).toEqual([]); // told, but nothing moved
    expect(await save({ notifyHolders: "on", startsAt: "2030-12-13T20:00" })).toMatchObject({
      ok: true,
    });
    const [notice] = await about(performance.id);
    expect(notice.subject).toMatch(/^Cambiamento:/);
    expect(notice.text).toContain("venerdì 13 dicembre 2030, 20:00");
    expect(
      await db.performanceMessage.findFirstOrThrow({
        where: { performanceId: performance.id, kind: "change" },
      }),
    ).toMatchObject({ recipients: 1 });
  });

  it("is not sent to a holder who cancelled before it went out", async () => {
    const performance = await createPerformance({ roomCapacity: 10 });
    const stays = await bookConfirmed(performance.id, 2);
    const leaves = await bookConfirmed(performance.id, 1);
    await deliverQueuedEmails();
    expect(await moveStart(performance, "2030-12-14T20:00")).toMatchObject({ ok: true });
    // Cancelled after the notice was queued, before the job sent it.
    await db.reservation.update({
      where: { id: leaves.reservationId },
      data: { status: "cancelled", cancelledAt: new Date() },
    });
    const { email } = await db.reservation.findUniqueOrThrow({
      where: { id: stays.reservationId },
      select: { email: true },
    });
    expect((await about(performance.id)).map((mail) => mail.to)).toEqual([email]);
  });

  it("waits for a door admitting a party instead of deadlocking with it", async () => {
    const performance = await createPerformance({ roomCapacity: 10 });
    const party = await bookConfirmed(performance.id, 2);
    // The door: the reservation locked, then its ticket marked used (lib/check-ins/check-in.ts).
    const door = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await door.connect();
    try {
      await door.query("BEGIN");
      await door.query("SELECT id FROM reservations WHERE id = $1 FOR UPDATE", [
        party.reservationId,
      ]);
      const moving = moveStart(performance, "2030-12-15T20:00");
      await new Promise((resolve) => setTimeout(resolve, 500));
      await door.query(
        "UPDATE reservation_tokens SET used_at = now() WHERE reservation_id = $1 AND purpose = 'check_in'",
        [party.reservationId],
      );
      await door.query("COMMIT");
      expect(await moving).toMatchObject({ ok: true });
    } finally {
      await door.end();
    }
  });
});

/** An admin saves a performance with a new start and asks for the holders to be told. */
function moveStart(performance: { id: number; showId: number; venueId: number }, startsAt: string) {
  return createStaffUser("ADMIN").then((user) =>
    savePerformance({
      db,
      actor: { id: user.id, email: user.email },
      id: performance.id,
      input: {
        showId: String(performance.showId),
        venueId: String(performance.venueId),
        startsAt,
        roomCapacity: "10",
        additionalSeats: "0",
        manuallyOccupiedSeats: "0",
        isBookingEnabled: "on",
        notifyHolders: "on",
      },
      timeZone: ROME,
      tokenSettings: TEST_SETTINGS,
    }),
  );
}
