import { randomBytes } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { expect, type APIRequestContext } from "@playwright/test";

// Where the e2e server's file transport writes mail (playwright.config.ts, MAIL_DIR).
const MAIL_DIR = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  "..",
  "..",
  ".data",
  "e2e-mail",
);

type Mail = { to: string; subject: string; text: string };

/** Waits for the mail to `to` whose text matches `pattern`, and returns the first capture. */
async function waitForMailLink(to: string, pattern: RegExp): Promise<string> {
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline) {
    const names = await readdir(MAIL_DIR).catch(() => [] as string[]);
    for (const name of names.filter((n) => n.endsWith(".json"))) {
      const mail = JSON.parse(await readFile(path.join(MAIL_DIR, name), "utf8")) as Mail;
      const match = mail.to === to ? pattern.exec(mail.text) : null;
      if (match) return match[1];
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`no mail to ${to} matching ${pattern}`);
}

export type Ticket = {
  reservationId: number;
  performanceId: number;
  partySize: number;
  token: string;
  ticketUrl: string;
};

type PerformanceItem = { id: number; booking_enabled: boolean; available_seats: number };

/** A bookable public performance with room for `partySize` (the demo season has several). */
export async function bookablePerformance(
  request: APIRequestContext,
  partySize = 1,
  skip: number[] = [],
): Promise<number> {
  const { results } = (await (await request.get("/api/performances")).json()) as {
    results: PerformanceItem[];
  };
  const found = results.find(
    (p) => p.booking_enabled && p.available_seats >= partySize && !skip.includes(p.id),
  );
  if (!found) throw new Error("no bookable performance in the demo season");
  return found.id;
}

/**
 * A real ticket, the way a visitor gets one: book through the API, open the confirmation
 * link from the mail, confirm, and keep the check-in token from the ticket URL.
 */
export async function bookTicket(
  request: APIRequestContext,
  {
    performanceId,
    partySize = 2,
    name = "Maria Rossi",
    notes = "Arriving early",
  }: { performanceId?: number; partySize?: number; name?: string; notes?: string } = {},
): Promise<Ticket> {
  const performance = performanceId ?? (await bookablePerformance(request, partySize));
  const email = `door-${randomBytes(6).toString("hex")}@example.org`;
  const booked = await request.post(`/api/performances/${performance}/reservations`, {
    data: {
      name,
      email,
      phone: "+39 06 0000000",
      party_size: partySize,
      notes,
    },
  });
  expect(booked.status(), await booked.text()).toBe(201);
  const confirmationToken = await waitForMailLink(email, /\/confirm#token=([A-Za-z0-9_-]{43})/);
  const confirmed = await request.post("/api/reservations/confirm", {
    data: { token: confirmationToken },
  });
  expect(confirmed.status(), await confirmed.text()).toBe(200);
  const body = (await confirmed.json()) as { reservation_id: number; ticket_url: string };
  const token = /#token=([A-Za-z0-9_-]{43})/.exec(body.ticket_url)?.[1];
  if (!token) throw new Error(`no token in ticket_url`);
  return {
    reservationId: body.reservation_id,
    performanceId: performance,
    partySize,
    token,
    ticketUrl: body.ticket_url,
  };
}
