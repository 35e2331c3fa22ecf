// The soak's operations. Each kind is one entry of OPERATION_KINDS: a weight and a `run`
// that sends real HTTP requests to one instance, as a visitor's browser or a staff
// member's door app would, and records what it learnt (tokens, admissions) in the shared
// state. Flows added later (waitlist, admin bookings and moves) plug in as new entries
// here — a name, a weight, a run — and the checker (soak/checks.ts) reads the database.
import { randomBytes } from "node:crypto";
import type pg from "pg";
import type { Answer } from "@/soak/checks";
import type { Instance } from "@/soak/cluster";
import type { Mailbox } from "@/soak/mailbox";
import { serverActionCall, serverActionFormFields, serverActionId } from "@/soak/visitor-actions";

/** A seeded pseudo-random generator (mulberry32): a seed reproduces a run's choices. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export type SoakState = {
  random: () => number;
  instances: Instance[];
  sql: pg.Pool;
  /** Performances with their show slug; the first ones are hot (few seats, most traffic). */
  performances: { id: number; slug: string; hot: boolean }[];
  /** Confirmation tokens not yet used. */
  pending: { token: string; performanceId: number }[];
  /** Ticket tokens of confirmed parties. */
  tickets: { token: string; performanceId: number; partySize: number }[];
  /** Admissions a staff member could still undo. */
  admissions: number[];
  /** Bookings made during the run, not yet confirmed: their link arrives by email. */
  bookings: { reservationId: number; email: string; performanceId: number }[];
  /** The file mailbox the instances deliver to. */
  mailbox: Mailbox;
  /** Tickets cancelled, and when the visitor saw the answer (the cancellation had committed). */
  cancelled: { token: string; answeredAt: number }[];
  /** The booking form's server-action fields, per performance (read once from its page). */
  bookingForms: Map<number, [string, string][]>;
  staffCookie: string;
  answers: Answer[];
  sequence: number;
};

export function pick<T>(state: SoakState, items: T[]): T | undefined {
  return items.length === 0 ? undefined : items[Math.floor(state.random() * items.length)];
}

function performanceFor(state: SoakState) {
  // Realistic contention: three requests in four go to the hot performances.
  const hot = state.performances.filter((performance) => performance.hot);
  return state.random() < 0.75 && hot.length > 0
    ? pick(state, hot)!
    : pick(state, state.performances)!;
}

/** One request to a random instance, recorded for the checker. */
async function send(
  state: SoakState,
  kind: string,
  pathname: string,
  init: RequestInit & { json?: unknown } = {},
): Promise<{ status: number; body: Record<string, unknown> | null; text: string }> {
  const instance = pick(state, state.instances)!;
  const started = Date.now();
  const { json, ...rest } = init;
  let status = 0;
  let retryAfter: string | null = null;
  let body: Record<string, unknown> | null = null;
  let text = "";
  try {
    const response = await fetch(`${instance.baseUrl}${pathname}`, {
      ...rest,
      signal: AbortSignal.timeout(30_000),
      headers: {
        // A browser's same-origin POST (server actions refuse another origin).
        origin: instance.baseUrl,
        ...(json !== undefined ? { "content-type": "application/json" } : {}),
        ...(rest.headers as Record<string, string> | undefined),
      },
      body: json !== undefined ? JSON.stringify(json) : rest.body,
    });
    status = response.status;
    retryAfter = response.headers.get("retry-after");
    text = await response.text();
    if ((response.headers.get("content-type") ?? "").includes("json") && text)
      body = JSON.parse(text) as Record<string, unknown>;
  } catch {
    status = 0;
  }
  state.answers.push({
    kind,
    instance: instance.name,
    status,
    retryAfter,
    at: started,
    ms: Date.now() - started,
  });
  return { status, body, text };
}

/** Whether a request may be tried again later: the app asked to (503) or never answered. */
const retryable = (status: number) => status === 503 || status === 0;

function tokenOf(url: unknown): string | null {
  return typeof url === "string" ? (/#token=([^&]+)/.exec(url)?.[1] ?? null) : null;
}

export type OperationKind = {
  name: string;
  weight: number;
  run: (state: SoakState) => Promise<void>;
};

export const OPERATION_KINDS: OperationKind[] = [
  {
    name: "book",
    weight: 14,
    run: async (state) => {
      const performance = performanceFor(state);
      state.sequence += 1;
      const email = `soak-${state.sequence}-${randomBytes(3).toString("hex")}@example.org`;
      const { status, body } = await send(
        state,
        "book",
        `/api/performances/${performance.id}/reservations`,
        {
          method: "POST",
          json: {
            name: `Soak visitor ${state.sequence}`,
            email,
            party_size: 1 + Math.floor(state.random() * 4),
          },
        },
      );
      if (status === 201 && typeof body?.id === "number")
        state.bookings.push({ reservationId: body.id, email, performanceId: performance.id });
    },
  },
  {
    name: "confirm",
    weight: 16,
    run: async (state) => {
      const index = Math.floor(state.random() * state.pending.length);
      const chosen = state.pending[index];
      if (!chosen) return;
      const { status, body } = await send(state, "confirm", "/api/reservations/confirm", {
        method: "POST",
        json: { token: chosen.token },
      });
      // A 503 leaves the link usable: it is tried again later.
      if (!retryable(status)) state.pending.splice(index, 1);
      const ticket = tokenOf(body?.ticket_url);
      if (status === 200 && ticket)
        state.tickets.push({
          token: ticket,
          performanceId: chosen.performanceId,
          partySize: Number(body?.party_size ?? 1),
        });
    },
  },
  {
    // A visitor of this run opens the newest link of their inbox (the file mailbox).
    name: "confirm from email",
    weight: 8,
    run: async (state) => {
      await state.mailbox.refresh();
      const withLink = state.bookings
        .map((booking, index) => ({
          booking,
          index,
          token: state.mailbox.latestConfirmationToken(booking.email),
        }))
        .filter((entry) => entry.token !== null);
      const chosen = pick(state, withLink);
      if (!chosen) return;
      const { status, body } = await send(
        state,
        "confirm from email",
        "/api/reservations/confirm",
        {
          method: "POST",
          json: { token: chosen.token },
        },
      );
      if (retryable(status)) return;
      state.bookings.splice(chosen.index, 1);
      const ticket = tokenOf(body?.ticket_url);
      if (status === 200 && ticket)
        state.tickets.push({
          token: ticket,
          performanceId: chosen.booking.performanceId,
          partySize: Number(body?.party_size ?? 1),
        });
    },
  },
  {
    // "Send the email again" on the booking page, posted without JavaScript: a new link
    // replaces the one in the inbox.
    name: "resend",
    weight: 3,
    run: async (state) => {
      const booking = pick(state, state.bookings);
      if (!booking) return;
      const performance = state.performances.find((p) => p.id === booking.performanceId)!;
      const page = `/shows/${performance.slug}/${performance.id}`;
      let fields = state.bookingForms.get(performance.id);
      if (!fields) {
        const { status, text } = await send(state, "page read", page);
        if (status !== 200) return;
        // The booking form's fields (a sold-out page has none: tried again later).
        const found = serverActionFormFields(
          text,
          serverActionId("actions/booking.ts", "submitBooking"),
        );
        if (!found) return;
        fields = found;
        state.bookingForms.set(performance.id, fields);
      }
      const form = new FormData();
      for (const [name, value] of fields) form.append(name, value);
      form.append("intent", "resend");
      form.append("reservation_id", String(booking.reservationId));
      form.append("email", booking.email);
      await send(state, "resend", page, { method: "POST", body: form });
    },
  },
  {
    // The ticket page's "cancel my booking" (its button calls the server action).
    name: "cancel",
    weight: 3,
    run: async (state) => {
      const index = Math.floor(state.random() * state.tickets.length);
      const ticket = state.tickets[index];
      if (!ticket) return;
      const { status, text } = await send(
        state,
        "cancel",
        "/ticket",
        serverActionCall(serverActionId("actions/ticket.ts", "cancelTicket"), [ticket.token]),
      );
      // Cancelled (or refused for good: checked in, started): the ticket leaves the pool.
      if (status === 200 && /"ok":true/.test(text)) {
        state.tickets.splice(index, 1);
        state.cancelled.push({ token: ticket.token, answeredAt: Date.now() });
      }
    },
  },
  {
    name: "check-in preview",
    weight: 10,
    run: async (state) => {
      const ticket = pick(state, state.tickets);
      if (!ticket) return;
      await send(state, "check-in preview", "/api/check-ins/preview", {
        method: "POST",
        headers: { cookie: state.staffCookie },
        json: { token: ticket.token, performance_id: ticket.performanceId },
      });
    },
  },
  {
    name: "check-in confirm",
    weight: 12,
    run: async (state) => {
      const ticket = pick(state, state.tickets);
      if (!ticket) return;
      // Partial admissions too: "2 of 4", the rest later with the same ticket.
      const seats = state.random() < 0.3 ? 1 : undefined;
      const { status, body } = await send(state, "check-in confirm", "/api/check-ins/confirm", {
        method: "POST",
        headers: { cookie: state.staffCookie },
        json: {
          token: ticket.token,
          performance_id: ticket.performanceId,
          nonce: randomBytes(12).toString("base64url"),
          ...(seats ? { seats } : {}),
        },
      });
      if (status === 200 && typeof body?.admission_id === "number")
        state.admissions.push(body.admission_id);
    },
  },
  {
    name: "check-in undo",
    weight: 3,
    run: async (state) => {
      const index = Math.floor(state.random() * state.admissions.length);
      const admission = state.admissions[index];
      if (admission === undefined) return;
      const { status } = await send(state, "check-in undo", "/api/check-ins/undo", {
        method: "POST",
        headers: { cookie: state.staffCookie },
        json: { admission_id: admission },
      });
      if (!retryable(status)) state.admissions.splice(index, 1);
    },
  },
  {
    name: "capacity edit",
    weight: 2,
    run: async (state) => {
      // What the admin's performance form commits (lib/admin/crud.ts): the row locked
      // first (a confirmation in flight finishes before), then the capacity changed in a
      // statement that sees it — never below the seats confirmed (the form refuses that).
      // One statement alone would check the seats in a snapshot older than its lock.
      const performance = performanceFor(state);
      const delta = state.random() < 0.5 ? -1 : 1;
      const started = Date.now();
      const client = await state.sql.connect().catch(() => undefined);
      if (client) {
        try {
          await client.query("BEGIN");
          await client.query("SELECT id FROM performances WHERE id = $1 FOR UPDATE", [
            performance.id,
          ]);
          await client.query(
            `UPDATE performances p SET additional_seats = GREATEST(0, p.additional_seats + $2), updated_at = now()
              WHERE p.id = $1 AND p.room_capacity + GREATEST(0, p.additional_seats + $2) - p.manually_occupied_seats
                    >= (SELECT COALESCE(sum(party_size), 0) FROM reservations WHERE performance_id = p.id AND status = 'confirmed')`,
            [performance.id, delta],
          );
          await client.query("COMMIT");
        } catch {
          await client.query("ROLLBACK").catch(() => undefined);
        } finally {
          client.release();
        }
      }
      state.answers.push({
        kind: "capacity edit",
        instance: "sql",
        status: 200,
        retryAfter: null,
        at: started,
        ms: Date.now() - started,
      });
    },
  },
  {
    name: "page read",
    weight: 20,
    run: async (state) => {
      const performance = performanceFor(state);
      const pages = [
        "/",
        "/shows",
        `/shows/${performance.slug}`,
        `/en/shows/${performance.slug}`,
        `/shows/${performance.slug}/${performance.id}`,
        "/api/shows",
        "/api/performances",
      ];
      await send(state, "page read", pick(state, pages)!);
    },
  },
];

/** A kind drawn by weight. */
export function drawKind(state: SoakState, kinds = OPERATION_KINDS): OperationKind {
  const total = kinds.reduce((sum, kind) => sum + kind.weight, 0);
  let at = state.random() * total;
  for (const kind of kinds) {
    at -= kind.weight;
    if (at <= 0) return kind;
  }
  return kinds[kinds.length - 1];
}
