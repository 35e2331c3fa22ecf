// The runner as operators run it (`scripts/worker.ts`, a child process) against a real
// database and a provider on loopback: killed between the provider's acceptance and the
// job's completion mark, and stopped with SIGTERM in the middle of a job.
import { spawn, type ChildProcess } from "node:child_process";
import { once } from "node:events";
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { SMTPServer } from "smtp-server";
import { afterEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { bookPending, createPerformance } from "@/tests/support/factories";

const root = path.resolve(import.meta.dirname, "../..");
const children: ChildProcess[] = [];
const closers: (() => Promise<void>)[] = [];

afterEach(async () => {
  for (const child of children.splice(0))
    if (child.exitCode === null && child.signalCode === null) {
      child.kill("SIGKILL");
      await once(child, "exit");
    }
  await Promise.all(closers.splice(0).map((close) => close()));
});

function startWorker(env: Record<string, string>): ChildProcess {
  // One Node process (the tsx CLI would put a parent in between that a SIGKILL leaves behind).
  const child = spawn(process.execPath, ["--import", "tsx", "scripts/worker.ts"], {
    cwd: root,
    env: {
      ...process.env,
      NODE_ENV: "test",
      APP_URL: "https://teatro.example",
      JOB_CONCURRENCY: "1",
      // A runner silent for 2 s is gone: the other runners release the jobs it held.
      JOB_RUNNER_GONE_AFTER_MS: "2000",
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout!.on("data", (chunk: Buffer) => {
    if (process.env.WORKER_TEST_VERBOSE) process.stderr.write(chunk);
  });
  child.stderr!.on("data", (chunk: Buffer) => {
    if (process.env.WORKER_TEST_VERBOSE) process.stderr.write(chunk);
  });
  children.push(child);
  return child;
}

async function until(condition: () => Promise<boolean>, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error("timed out waiting");
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

function deferred<T = void>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

async function listen(server: Server | SMTPServer): Promise<number> {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const net =
    server instanceof SMTPServer ? (server as unknown as { server: Server }).server : server;
  return (net.address() as AddressInfo).port;
}

/**
 * A provider that honours `Idempotency-Key` as Resend documents it: a request repeating
 * a key it accepted gets the first answer and sends nothing more.
 */
async function fakeResend({
  hold,
  slowMs = 1500,
}: {
  hold: "first" | "slow" | "none";
  slowMs?: number;
}) {
  const accepted = new Map<string, string>(); // key -> recipient
  const requests: string[] = [];
  const firstAccepted = deferred();
  const held: IncomingMessage[] = [];
  const server = createServer(async (request, response) => {
    let body = "";
    for await (const chunk of request) body += chunk;
    const key = String(request.headers["idempotency-key"]);
    requests.push(key);
    const answer = () => {
      response.writeHead(200, { "content-type": "application/json" });
      response.end(JSON.stringify({ id: `email-${key}` }));
    };
    if (accepted.has(key)) return answer();
    accepted.set(key, (JSON.parse(body) as { to: string }).to);
    firstAccepted.resolve();
    if (hold === "first" && accepted.size === 1) {
      held.push(request); // accepted, but the answer never leaves: the worker dies first
      return;
    }
    if (hold === "slow") await new Promise((resolve) => setTimeout(resolve, slowMs));
    answer();
  });
  const port = await listen(server);
  closers.push(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });
  return {
    url: `http://127.0.0.1:${port}`,
    accepted,
    requests,
    firstAccepted: firstAccepted.promise,
  };
}

const deliveryOf = (reservationId: number) =>
  db.emailDelivery.findFirstOrThrow({ where: { reservationId, kind: "confirmation" } });

// No operator step between the two runners: the second releases the job the killed one
// held once its heartbeat lapsed (lib/jobs/runner-heartbeat.ts), not after 4 hours.
describe("a runner killed between the provider's acceptance and the job's completion", () => {
  it("Resend (idempotency key): after a restart the email is not sent twice", async () => {
    const performance = await createPerformance();
    const booked = await bookPending(performance.id, 2, new Date(), "crash.resend@example.org");
    const provider = await fakeResend({ hold: "first" });
    const env = {
      EMAIL_TRANSPORT: "resend",
      RESEND_API_KEY: "re_test_key",
      RESEND_BASE_URL: provider.url,
    };

    const first = startWorker(env);
    await provider.firstAccepted;
    first.kill("SIGKILL");
    await once(first, "exit");
    expect((await deliveryOf(booked.reservationId)).status).not.toBe("sent");

    const second = startWorker(env);
    await until(async () => (await deliveryOf(booked.reservationId)).status === "sent");
    second.kill("SIGTERM");
    await once(second, "exit");

    // The provider saw the same key twice and delivered once.
    expect(provider.requests).toHaveLength(2);
    expect(new Set(provider.requests).size).toBe(1);
    expect([...provider.accepted.values()]).toEqual(["crash.resend@example.org"]);
  }, 90_000);

  it("SMTP (no idempotency key): at least once — a second copy, with the same Message-ID", async () => {
    const performance = await createPerformance();
    const booked = await bookPending(performance.id, 2, new Date(), "crash.smtp@example.org");
    const received: string[] = [];
    const firstReceived = deferred();
    const server = new SMTPServer({
      authOptional: true,
      disabledCommands: ["STARTTLS"],
      logger: false,
      onData(stream, _session, callback) {
        let message = "";
        stream.on("data", (chunk: Buffer) => (message += chunk.toString("utf8")));
        stream.on("end", () => {
          received.push(message);
          firstReceived.resolve();
          // The first message is received whole, but the 250 reply never leaves.
          if (received.length > 1) callback();
        });
      },
    });
    const port = await listen(server);
    closers.push(() => new Promise<void>((resolve) => server.close(() => resolve())));
    const env = { EMAIL_TRANSPORT: "smtp", SMTP_URL: `smtp://127.0.0.1:${port}` };

    const first = startWorker(env);
    await firstReceived.promise;
    first.kill("SIGKILL");
    await once(first, "exit");
    const second = startWorker(env);
    await until(async () => (await deliveryOf(booked.reservationId)).status === "sent");
    second.kill("SIGTERM");
    await once(second, "exit");

    // The limit of SMTP, stated: the recipient gets the email twice. Both copies carry
    // the delivery's Message-ID, so many mail clients show one.
    expect(received).toHaveLength(2);
    const messageId = (raw: string) => /^Message-ID: (.+)$/im.exec(raw)?.[1].trim();
    expect(messageId(received[0])).toMatch(/^<azionelab-email-\d+@/);
    expect(messageId(received[1])).toBe(messageId(received[0]));
  }, 90_000);
});

describe("two live runners", () => {
  it("never release each other's job, even one running longer than JOB_RUNNER_GONE_AFTER_MS", async () => {
    const performance = await createPerformance();
    const booked = await bookPending(performance.id, 2, new Date(), "long.job@example.org");
    // The provider answers after 7 s: more than three times the 2 s after which a
    // silent runner counts as gone, with the other runner sweeping every ~330 ms.
    const provider = await fakeResend({ hold: "slow", slowMs: 7000 });
    const env = {
      EMAIL_TRANSPORT: "resend",
      RESEND_API_KEY: "re_test_key",
      RESEND_BASE_URL: provider.url,
    };
    const workers = [startWorker(env), startWorker(env)];
    await until(async () => (await deliveryOf(booked.reservationId)).status === "sent", 60_000);
    for (const worker of workers) {
      worker.kill("SIGTERM");
      await once(worker, "exit");
    }
    // One request: the job was never handed to the second runner while the first ran it.
    expect(provider.requests).toHaveLength(1);
    expect(await deliveryOf(booked.reservationId)).toMatchObject({ status: "sent", attempts: 1 });
  }, 90_000);
});

describe("SIGTERM", () => {
  it("lets the running job finish: the email is sent once and marked sent before the runner exits", async () => {
    const performance = await createPerformance();
    const booked = await bookPending(performance.id, 2, new Date(), "sigterm@example.org");
    const provider = await fakeResend({ hold: "slow" });
    const worker = startWorker({
      EMAIL_TRANSPORT: "resend",
      RESEND_API_KEY: "re_test_key",
      RESEND_BASE_URL: provider.url,
    });
    await provider.firstAccepted;
    worker.kill("SIGTERM");
    await once(worker, "exit");
    expect(await deliveryOf(booked.reservationId)).toMatchObject({ status: "sent", attempts: 1 });
    expect(provider.requests).toHaveLength(1);
    const [{ jobs }] = await db.$queryRaw<{ jobs: number }[]>`
      SELECT count(*)::int AS jobs FROM graphile_worker.jobs WHERE task_identifier = 'send_email'`;
    expect(jobs).toBe(0);
  }, 60_000);
});
