import { mkdtemp, readdir, readFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import jsQR from "jsqr";
import { PNG } from "pngjs";
import { afterEach, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import {
  sendCancellationNotice,
  sendConfirmationEmail,
  sendTicketEmail,
} from "@/lib/reservations/reservation-emails";
import { fileTransport } from "@/lib/mail/transport";
import { bookConfirmed, bookPending, createPerformance } from "@/tests/support/factories";
import { captureMail, failingTransport } from "@/tests/support/mail-capture";

afterEach(() => vi.restoreAllMocks());

function decodeQr(png: Buffer): string | undefined {
  const image = PNG.sync.read(png);
  return jsQR(new Uint8ClampedArray(image.data), image.width, image.height)?.data;
}

describe("reservation emails", () => {
  it("sends the confirmation link in Italian by default, as text and HTML", async () => {
    const performance = await createPerformance();
    const booked = await bookPending(performance.id, 2, new Date(), "maria.rossi@example.org");
    const { transport, sent } = captureMail();

    expect(
      await sendConfirmationEmail({
        db,
        reservationId: booked.reservationId,
        confirmationToken: booked.confirmationToken,
        transport,
      }),
    ).toEqual({ ok: true });

    expect(sent).toHaveLength(1);
    const [mail] = sent;
    expect(mail.to).toBe("maria.rossi@example.org");
    expect(mail.subject).toMatch(/^Conferma la tua prenotazione: Open Stage/);
    expect(mail.text).toContain(`/confirm#token=${booked.confirmationToken}`);
    expect(mail.html).toContain(`/confirm#token=${booked.confirmationToken}`);
    expect(mail.text).toContain("2 posti");
    expect(mail.text).toContain("Via Example 1");
  });

  it("writes in English for a visitor who booked in English, and escapes their name in HTML", async () => {
    const performance = await createPerformance();
    const booked = await bookPending(performance.id);
    await db.reservation.update({
      where: { id: booked.reservationId },
      data: { locale: "en", name: "<b>Mary</b>" },
    });
    const { transport, sent } = captureMail();

    await sendConfirmationEmail({
      db,
      reservationId: booked.reservationId,
      confirmationToken: booked.confirmationToken,
      transport,
    });

    expect(sent[0].subject).toMatch(/^Confirm your reservation/);
    expect(sent[0].text).toContain("Hello <b>Mary</b>,");
    expect(sent[0].html).toContain("Hello &lt;b&gt;Mary&lt;/b&gt;,");
  });

  it("links an English visitor to the English pages: confirmation, ticket, the show after a cancellation", async () => {
    const performance = await createPerformance();
    const pending = await bookPending(performance.id);
    const confirmed = await bookConfirmed(performance.id, 1);
    await db.reservation.updateMany({
      where: { id: { in: [pending.reservationId, confirmed.reservationId] } },
      data: { locale: "en" },
    });
    const { transport, sent } = captureMail();

    await sendConfirmationEmail({
      db,
      reservationId: pending.reservationId,
      confirmationToken: pending.confirmationToken,
      transport,
    });
    await sendTicketEmail({
      db,
      reservationId: confirmed.reservationId,
      checkInToken: confirmed.checkInToken,
      transport,
    });
    await sendCancellationNotice({ db, reservationId: confirmed.reservationId, transport });

    const [confirmation, ticket, cancellation] = sent;
    expect(confirmation.text).toContain(`/en/confirm#token=${pending.confirmationToken}`);
    expect(confirmation.html).toContain(`/en/confirm#token=${pending.confirmationToken}`);
    expect(ticket.text).toContain(`/en/ticket#token=${confirmed.checkInToken}`);
    expect(ticket.html).toContain(`/en/ticket#token=${confirmed.checkInToken}`);
    expect(cancellation.html).toMatch(/href="[^"]*\/en\/shows\//);
  });

  it("attaches a QR code holding only the check-in token, and a calendar event", async () => {
    const performance = await createPerformance();
    const booked = await bookConfirmed(performance.id, 3);
    const { transport, sent } = captureMail();

    expect(
      await sendTicketEmail({
        db,
        reservationId: booked.reservationId,
        checkInToken: booked.checkInToken,
        transport,
      }),
    ).toEqual({ ok: true });

    const [mail] = sent;
    expect(mail.text).toContain(`/ticket#token=${booked.checkInToken}`);
    const png = mail.attachments.find((a) => a.contentType === "image/png" && !a.contentId);
    expect(png).toBeDefined();
    expect(decodeQr(png!.content)).toBe(booked.checkInToken);
    // The same QR inline, where the HTML part shows it.
    const inline = mail.attachments.find((a) => a.contentId);
    expect(mail.html).toContain(`cid:${inline!.contentId}`);
    expect(decodeQr(inline!.content)).toBe(booked.checkInToken);
    const ics = mail.attachments.find((a) => a.filename.endsWith(".ics"));
    const calendar = ics!.content.toString("utf8");
    expect(calendar).toContain("BEGIN:VEVENT");
    expect(calendar).toContain(
      `DTSTART:${performance.startsAt
        .toISOString()
        .replace(/[-:]/g, "")
        .replace(/\.\d{3}/, "")}`,
    );
    expect(calendar).not.toContain(booked.checkInToken);
    expect(calendar).not.toContain("Maria");
  });

  it("sends a cancellation notice", async () => {
    const performance = await createPerformance();
    const booked = await bookConfirmed(performance.id);
    const { transport, sent } = captureMail();

    expect(
      await sendCancellationNotice({ db, reservationId: booked.reservationId, transport }),
    ).toEqual({ ok: true });
    expect(sent[0].subject).toMatch(/^Prenotazione annullata/);
  });

  it("reports a failed send without throwing, and logs neither address nor token", async () => {
    const performance = await createPerformance();
    const booked = await bookPending(performance.id, 2, new Date(), "maria.rossi@example.org");
    const logged = vi.spyOn(console, "error").mockImplementation(() => {});

    expect(
      await sendConfirmationEmail({
        db,
        reservationId: booked.reservationId,
        confirmationToken: booked.confirmationToken,
        transport: failingTransport,
      }),
    ).toEqual({ ok: false });

    const output = logged.mock.calls.flat().join("\n");
    expect(output).toContain("email not sent");
    expect(output).not.toContain("maria.rossi@example.org");
    expect(output).not.toContain(booked.confirmationToken);
    expect(
      (await db.reservation.findUniqueOrThrow({ where: { id: booked.reservationId } })).status,
    ).toBe("pending");
  });
});

describe("file transport", () => {
  it("writes one JSON message per file in the documented format", async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), "azionelab-mail-"));
    await fileTransport(dir)({
      to: "a@example.org",
      subject: "S",
      text: "T",
      html: "<p>H</p>",
      attachments: [{ filename: "x.png", contentType: "image/png", content: Buffer.from("png") }],
    });

    const files = await readdir(dir);
    expect(files).toHaveLength(1);
    expect(JSON.parse(await readFile(path.join(dir, files[0]), "utf8"))).toEqual({
      to: "a@example.org",
      subject: "S",
      text: "T",
      html: "<p>H</p>",
      attachments: [
        {
          filename: "x.png",
          contentType: "image/png",
          contentBase64: Buffer.from("png").toString("base64"),
        },
      ],
    });
  });
});
