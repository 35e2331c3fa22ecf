import { mkdtemp, readdir, rm } from "node:fs/promises";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { SMTPServer, type SMTPServerOptions } from "smtp-server";
import { afterEach, describe, expect, it } from "vitest";
import {
  fileTransport,
  MailDeliveryError,
  resendTransport,
  smtpTransport,
  type OutgoingMail,
} from "@/lib/mail/transport";

const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(closers.splice(0).map((close) => close()));
});

const mail: OutgoingMail = {
  to: "maria.rossi@example.org",
  subject: "Il tuo biglietto",
  text: "Ciao Maria",
  html: "<p>Ciao Maria</p>",
  attachments: [
    { filename: "biglietto.png", contentType: "image/png", content: Buffer.from("png") },
  ],
};

/** A real SMTP server on loopback (smtp-server), answering each message with `reply`. */
async function smtpServer(reply: (message: string) => Error | null = () => null) {
  const received: { to: string[]; message: string }[] = [];
  const options: SMTPServerOptions = {
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onData(stream, session, callback) {
      let message = "";
      stream.on("data", (chunk: Buffer) => (message += chunk.toString("utf8")));
      stream.on("end", () => {
        const refusal = reply(message);
        if (!refusal) received.push({ to: session.envelope.rcptTo.map((r) => r.address), message });
        callback(refusal);
      });
    },
  };
  const server = new SMTPServer(options);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  closers.push(() => new Promise<void>((resolve) => server.close(() => resolve())));
  const { port } = (server as unknown as { server: Server }).server.address() as AddressInfo;
  return { url: `smtp://127.0.0.1:${port}`, received };
}

function smtpError(responseCode: number, text: string): Error {
  return Object.assign(new Error(text), { responseCode });
}

describe("SMTP transport (nodemailer against smtp-server on loopback)", () => {
  it("delivers text, HTML and the attachment, with a Message-ID from the idempotency key", async () => {
    const server = await smtpServer();
    await smtpTransport(server.url, "AzioneLab <biglietteria@azionelab.example>")(mail, {
      idempotencyKey: "azionelab-email-7",
    });
    expect(server.received).toHaveLength(1);
    const [{ to, message }] = server.received;
    expect(to).toEqual(["maria.rossi@example.org"]);
    expect(message).toMatch(/^Subject: Il tuo biglietto/m);
    expect(message).toMatch(/^Message-ID: <azionelab-email-7@azionelab\.example>/im);
    expect(message).toContain("Ciao Maria");
    expect(message).toContain("filename=biglietto.png");
  });

  it("a 5xx refusal is permanent, a 4xx one is retried", async () => {
    const rejecting = await smtpServer(() => smtpError(550, "mailbox unavailable"));
    const permanent = await smtpTransport(
      rejecting.url,
      "a@azionelab.example",
    )(mail).catch((e) => e);
    expect(permanent).toBeInstanceOf(MailDeliveryError);
    expect(permanent).toMatchObject({ code: "smtp_550", permanent: true });
    expect(String(permanent.message)).not.toContain("maria.rossi");

    const busy = await smtpServer(() => smtpError(451, "try again later"));
    expect(
      await smtpTransport(busy.url, "a@azionelab.example")(mail).catch((e) => e),
    ).toMatchObject({
      code: "smtp_451",
      permanent: false,
    });
  });

  it("an unreachable server is a transient failure", async () => {
    const error = await smtpTransport(
      "smtp://127.0.0.1:1",
      "a@azionelab.example",
      2000,
    )(mail).catch((e) => e);
    expect(error).toMatchObject({ code: "smtp_esocket", permanent: false });
  });
});

describe("Resend transport", () => {
  async function fakeApi(handler: Parameters<typeof createServer>[1]) {
    const server = createServer(handler);
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    closers.push(async () => {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    });
    const previous = process.env.RESEND_BASE_URL;
    process.env.RESEND_BASE_URL = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    closers.push(async () => {
      process.env.RESEND_BASE_URL = previous;
    });
  }

  it("sends the idempotency key as the Idempotency-Key header", async () => {
    const keys: (string | undefined)[] = [];
    await fakeApi((request, response) => {
      keys.push(request.headers["idempotency-key"] as string | undefined);
      request.resume();
      response.writeHead(200, { "content-type": "application/json" });
      response.end('{"id":"x"}');
    });
    await resendTransport("re_test", "a@azionelab.example")(mail, {
      idempotencyKey: "azionelab-email-9",
    });
    expect(keys).toEqual(["azionelab-email-9"]);
  });

  it("gives up after its timeout when the provider does not answer (a retried `timeout`)", async () => {
    await fakeApi(() => {}); // never answers
    const started = Date.now();
    const error = await resendTransport(
      "re_test",
      "a@azionelab.example",
      300,
    )(mail).catch((e) => e);
    expect(error).toMatchObject({ code: "timeout", permanent: false });
    expect(Date.now() - started).toBeLessThan(3000);
  });

  it("a validation error is permanent, a server error is retried", async () => {
    let status = 422;
    await fakeApi((request, response) => {
      request.resume();
      response.writeHead(status, { "content-type": "application/json" });
      response.end(
        JSON.stringify(
          status === 422
            ? {
                name: "validation_error",
                message: "Invalid `to` field: maria.rossi@example.org",
                statusCode: 422,
              }
            : { name: "internal_server_error", message: "boom", statusCode: 500 },
        ),
      );
    });
    const send = resendTransport("re_test", "a@azionelab.example");
    const refused = await send(mail).catch((e) => e);
    expect(refused).toMatchObject({ code: "validation_error", permanent: true });
    expect(String(refused.message)).not.toContain("maria.rossi");
    status = 500;
    expect(await send(mail).catch((e) => e)).toMatchObject({ permanent: false });
  });
});

describe("file transport", () => {
  it("writes one message per idempotency key, however often it is retried", async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), "azionelab-mail-"));
    const send = fileTransport(dir);
    const queuedAt = new Date("2026-12-01T10:00:00Z");
    await send(mail, { idempotencyKey: "azionelab-email-1", queuedAt });
    await send(mail, { idempotencyKey: "azionelab-email-1", queuedAt });
    await send(mail, { idempotencyKey: "azionelab-email-2", queuedAt });
    expect((await readdir(dir)).sort()).toEqual([
      "2026-12-01T10-00-00-000Z-azionelab-email-1.json",
      "2026-12-01T10-00-00-000Z-azionelab-email-2.json",
    ]);
  });

  it("makes its directory when it is missing, also after an operator removed it", async () => {
    const dir = path.join(await mkdtemp(path.join(os.tmpdir(), "azionelab-mail-")), "inbox");
    const send = fileTransport(dir);
    const queuedAt = new Date("2026-12-01T10:00:00Z");
    await send(mail, { idempotencyKey: "azionelab-email-1", queuedAt });
    await rm(dir, { recursive: true });
    await send(mail, { idempotencyKey: "azionelab-email-2", queuedAt });
    expect(await readdir(dir)).toEqual(["2026-12-01T10-00-00-000Z-azionelab-email-2.json"]);
  });
});
