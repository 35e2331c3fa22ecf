// Reliability of the email queue against PostgreSQL and the real graphile-worker runner.
import { Logger, run, type Runner } from "graphile-worker";
import { afterEach, describe, expect, it, vi } from "vitest";
import { failedEmails, sendEmailAgain } from "@/lib/admin/email-deliveries";
import { confirmCheckIn } from "@/lib/check-ins/check-in";
import { undoCheckIn } from "@/lib/check-ins/undo-check-in";
import { db } from "@/lib/db";
import { jobTasks } from "@/lib/jobs/runner";
import { queueEmail } from "@/lib/mail/email-queue";
import { MailDeliveryError, type MailTransport, type OutgoingMail } from "@/lib/mail/transport";
import { bookPerformance } from "@/lib/reservations/book-performance";
import { cancelReservation } from "@/lib/reservations/cancel-reservation";
import { resendReservationLink } from "@/lib/reservations/resend-links";
import { deliverQueuedEmails, testRunnerSettings } from "@/tests/support/email-jobs";
import {
  bookConfirmed,
  bookPending,
  createPerformance,
  createStaffUser,
  TEST_SETTINGS,
} from "@/tests/support/factories";

const quiet = new Logger(() => () => {});
const runners: Runner[] = [];

afterEach(async () => {
  await Promise.all(runners.splice(0).map((runner) => runner.stop()));
  vi.restoreAllMocks();
});

async function startRunner(transport: MailTransport, concurrency = 2): Promise<Runner> {
  const settings = testRunnerSettings(transport, { concurrency });
  const runner = await run({
    connectionString: settings.connectionString,
    concurrency,
    pollInterval: 100,
    noHandleSignals: true,
    logger: quiet,
    taskList: jobTasks(db, settings),
  });
  runners.push(runner);
  return runner;
}

async function until(condition: () => Promise<boolean>, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error("timed out waiting");
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Brings retries scheduled in the future forward to now, as if their backoff had passed. */
async function fastForwardRetries(): Promise<void> {
  await db.$executeRaw`
    SELECT graphile_worker.reschedule_jobs(array_agg(id), run_at := now())
    FROM graphile_worker.jobs WHERE locked_at IS NULL AND run_at > now()
    HAVING count(*) > 0`;
}

const deliveryCounts = (reservationIds: number[]) =>
  db.emailDelivery
    .groupBy({ by: ["status"], where: { reservationId: { in: reservationIds } }, _count: true })
    .then((groups) => Object.fromEntries(groups.map((g) => [g.status, g._count])));

describe("email jobs", () => {
  it("queues the booking's confirmation email in its transaction; the runner delivers it", async () => {
    const performance = await createPerformance();
    const booked = await bookPerformance({
      db,
      performanceId: performance.id,
      input: { name: "Anna", email: "anna@example.org", phone: "", party_size: 2, notes: "" },
      locale: "it",
      settings: TEST_SETTINGS,
    });
    expect(booked).toEqual({ ok: true, reservationId: expect.any(Number) });
    const [delivery] = await db.emailDelivery.findMany({
      where: { reservationId: booked.ok ? booked.reservationId : 0 },
    });
    expect(delivery).toMatchObject({ kind: "confirmation", status: "queued", attempts: 0 });

    const sent = await deliverQueuedEmails();
    expect(sent.map((m) => m.to)).toEqual(["anna@example.org"]);
    expect(sent[0].text).toMatch(/\/confirm#token=[A-Za-z0-9_-]{43}/);
    expect(await db.emailDelivery.findUniqueOrThrow({ where: { id: delivery.id } })).toMatchObject({
      status: "sent",
      attempts: 1,
      sentAt: expect.any(Date),
    });
  });

  it("a booking whose transaction fails queues and sends nothing", async () => {
    const performance = await createPerformance();
    await deliverQueuedEmails();
    // Fails at COMMIT, after the reservation, its token and its email job were written.
    await db.$executeRawUnsafe(`
      CREATE FUNCTION refuse_commit() RETURNS trigger LANGUAGE plpgsql AS
      $$ BEGIN RAISE EXCEPTION 'commit refused by the test'; END $$`);
    await db.$executeRawUnsafe(`
      CREATE CONSTRAINT TRIGGER refuse_commit AFTER INSERT ON reservations
      DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION refuse_commit()`);
    try {
      await expect(
        bookPending(performance.id, 2, new Date(), "rolled.back@example.org"),
      ).rejects.toThrow();
    } finally {
      await db.$executeRawUnsafe(`DROP TRIGGER refuse_commit ON reservations`);
      await db.$executeRawUnsafe(`DROP FUNCTION refuse_commit()`);
    }
    expect(await db.reservation.count({ where: { email: "rolled.back@example.org" } })).toBe(0);
    const [{ jobs }] = await db.$queryRaw<{ jobs: number }[]>`
      SELECT count(*)::int AS jobs FROM graphile_worker.jobs`;
    expect(jobs).toBe(0);
    expect(await deliverQueuedEmails()).toEqual([]);
  });

  it("a transport failing its first 3 attempts: every email arrives once it recovers, none twice", async () => {
    vi.spyOn(console, "error").mockImplementation(() => {});
    const performance = await createPerformance({ roomCapacity: 50 });
    await deliverQueuedEmails();
    const booked = await Promise.all(
      Array.from({ length: 5 }, (_, i) =>
        bookPending(performance.id, 1, new Date(), `retry-${i}@example.org`),
      ),
    );
    let failures = 3;
    const delivered: { key: string; mail: OutgoingMail }[] = [];
    let sawRetrying = false;
    await startRunner(async (mail, options) => {
      if (failures > 0) {
        failures -= 1;
        throw new MailDeliveryError("provider_5xx");
      }
      delivered.push({ key: options!.idempotencyKey!, mail });
    });
    await until(async () => {
      const counts = await deliveryCounts(booked.map((b) => b.reservationId));
      if (counts.retrying) {
        sawRetrying = true;
        // Read apart from the count: the retry may have been sent in between.
        const retrying = await db.emailDelivery.findFirst({ where: { status: "retrying" } });
        if (retrying) {
          expect(retrying.lastError).toBe("provider_5xx");
          // Scheduled after the failure (not against the clock: a busy host runs late).
          expect(retrying.nextAttemptAt!.getTime()).toBeGreaterThan(retrying.updatedAt.getTime());
        }
      }
      await fastForwardRetries();
      return counts.sent === 5;
    });
    expect(sawRetrying).toBe(true);
    expect(failures).toBe(0);
    expect(delivered.map((d) => d.mail.to).sort()).toEqual(
      booked.map((_, i) => `retry-${i}@example.org`).sort(),
    );
    expect(new Set(delivered.map((d) => d.key)).size).toBe(5);
    // Each job is completed (deleted) just after its delivery is marked sent.
    await until(async () => {
      const [{ jobs }] = await db.$queryRaw<{ jobs: number }[]>`
        SELECT count(*)::int AS jobs FROM graphile_worker.jobs`;
      return jobs === 0;
    });
    const attempts = await db.emailDelivery.findMany({
      where: { reservationId: { in: booked.map((b) => b.reservationId) } },
      select: { attempts: true },
    });
    // Five deliveries, three failed attempts among them: eight attempts in all.
    expect(attempts.reduce((sum, d) => sum + d.attempts, 0)).toBe(8);
  });

  it("a permanent refusal stops at once, is listed for admins and can be sent again", async () => {
    vi.spyOn(console, "error").mockImplementation(() => {});
    const performance = await createPerformance();
    const booked = await bookConfirmed(performance.id);
    await deliverQueuedEmails();
    await resendReservationLink({
      db,
      reservationId: booked.reservationId,
      settings: TEST_SETTINGS,
    });
    let calls = 0;
    await deliverQueuedEmails(async () => {
      calls += 1;
      throw new MailDeliveryError("invalid_address", true);
    });
    expect(calls).toBe(1);
    const failed = await failedEmails(db);
    expect(failed).toEqual([
      expect.objectContaining({
        reservationId: booked.reservationId,
        kind: "ticket",
        status: "failed",
        lastError: "invalid_address",
        attempts: 1,
      }),
    ]);
    const logged = vi.mocked(console.error).mock.calls.flat().join("\n");
    expect(logged).toContain("invalid_address");
    expect(logged).not.toContain(booked.checkInToken);
    expect(logged).not.toContain("@example.org");

    const admin = await createStaffUser("ADMIN");
    expect(
      await sendEmailAgain({ db, deliveryId: failed[0].id, settings: TEST_SETTINGS, actor: admin }),
    ).toEqual({ ok: true, kind: "ticket" });
    const again = await deliverQueuedEmails();
    expect(again).toHaveLength(1);
    expect(again[0].text).toMatch(/\/ticket#token=[A-Za-z0-9_-]{43}/);
    expect(await failedEmails(db)).toHaveLength(1); // the old row stays as history
  });

  it("a cancellation notice is queued with the cancellation, and a failed one can be sent again", async () => {
    vi.spyOn(console, "error").mockImplementation(() => {});
    const performance = await createPerformance();
    const booked = await bookConfirmed(performance.id);
    await deliverQueuedEmails();
    const admin = await createStaffUser("ADMIN");
    expect(
      await cancelReservation({ db, reservationId: booked.reservationId, actor: admin }),
    ).toMatchObject({ ok: true });
    await deliverQueuedEmails(async () => {
      throw new MailDeliveryError("smtp_550", true);
    });
    const [failed] = await failedEmails(db);
    expect(failed).toMatchObject({ kind: "cancellation", lastError: "smtp_550" });
    expect(
      await sendEmailAgain({ db, deliveryId: failed.id, settings: TEST_SETTINGS, actor: admin }),
    ).toEqual({ ok: true, kind: "cancellation" });
    expect(
      await sendEmailAgain({
        db,
        deliveryId: failed.id + 1,
        settings: TEST_SETTINGS,
        actor: admin,
      }),
    ).toEqual({ ok: false, reason: "not_failed" });
    const sent = await deliverQueuedEmails();
    expect(sent.map((m) => m.subject)).toEqual([expect.stringMatching(/^Prenotazione annullata/)]);
  });

  it("a ticket email still waiting when the party cancels is skipped, even after an admission was undone", async () => {
    // Found by the soak: the door marks the ticket's token used, an undo lets the party
    // cancel, and the cancellation revoked only unused tokens — so a ticket email whose
    // first attempts failed (a mail outage) went out to the cancelled party afterwards.
    const performance = await createPerformance();
    const staff = await createStaffUser();
    await deliverQueuedEmails();
    const booked = await bookConfirmed(performance.id);
    const admitted = await confirmCheckIn({
      db,
      target: { token: booked.checkInToken },
      staff,
      source: "qr_scan",
    });
    if (!admitted.ok) throw new Error(admitted.reason);
    await undoCheckIn({
      db,
      admissionId: admitted.admission.id,
      actor: staff,
      isAdmin: true,
      staffUndoMinutes: 5,
    });
    expect(await cancelReservation({ db, reservationId: booked.reservationId })).toMatchObject({
      ok: true,
    });

    const sent = await deliverQueuedEmails();
    const history = await db.emailDelivery.findMany({
      where: { reservationId: booked.reservationId },
      orderBy: { id: "asc" },
    });
    expect(history.map((d) => [d.kind, d.status])).toEqual([
      ["confirmation", "skipped"],
      ["ticket", "skipped"],
      ["cancellation", "sent"],
    ]);
    expect(sent).toHaveLength(1);
    expect(sent[0].attachments).toEqual([]);
  });

  it("a confirmation email whose link was replaced before it went out is skipped", async () => {
    const performance = await createPerformance();
    await deliverQueuedEmails();
    const booked = await bookPending(performance.id);
    await resendReservationLink({
      db,
      reservationId: booked.reservationId,
      settings: TEST_SETTINGS,
    });
    const sent = await deliverQueuedEmails();
    expect(sent).toHaveLength(1);
    expect(sent[0].text).not.toContain(booked.confirmationToken);
    const history = await db.emailDelivery.findMany({
      where: { reservationId: booked.reservationId },
      orderBy: { id: "asc" },
    });
    expect(history.map((d) => [d.status, d.lastError])).toEqual([
      ["skipped", "token_not_live"],
      ["sent", null],
    ]);
  });

  it("two runners on one database: 1,000 jobs, each sent exactly once", async () => {
    const performance = await createPerformance();
    const booked = await bookConfirmed(performance.id);
    await deliverQueuedEmails();
    await db.$transaction(
      Array.from({ length: 1000 }, () =>
        queueEmail(db, { kind: "cancellation", reservation: { id: booked.reservationId } }),
      ),
    );
    const byKey = new Map<string, number>();
    const perRunner = [0, 0];
    const transport =
      (runner: number): MailTransport =>
      async (_mail, options) => {
        perRunner[runner] += 1;
        byKey.set(options!.idempotencyKey!, (byKey.get(options!.idempotencyKey!) ?? 0) + 1);
      };
    await Promise.all([startRunner(transport(0), 4), startRunner(transport(1), 4)]);
    await until(
      async () =>
        (await db.emailDelivery.count({
          where: { reservationId: booked.reservationId, kind: "cancellation", status: "sent" },
        })) === 1000,
      60_000,
    );
    expect(byKey.size).toBe(1000);
    expect([...byKey.values()].every((count) => count === 1)).toBe(true);
    expect(perRunner[0] + perRunner[1]).toBe(1000);
    expect(perRunner[0]).toBeGreaterThan(0);
    expect(perRunner[1]).toBeGreaterThan(0);
  }, 90_000);
});
