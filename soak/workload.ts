// The soak's operations. Each kind is one entry of OPERATION_KINDS: a weight and a `run`
// that sends real HTTP requests to one instance, as a visitor's browser, a staff
// member's door app or an admin's browser would, and records what it learnt (tokens,
// admissions, waiting-list entries) in the shared state. A `run` with nothing to act on
// (no ticket yet, no offer in any inbox) sends nothing and says so: another kind is
// drawn instead (performOperation), so `--ops N` performs N operations. The checker
// (soak/checks.ts) reads the database and the mailbox.
import { randomBytes } from "node:crypto";
import type pg from "pg";
import type { Answer } from "@/soak/checks";
import type { Instance } from "@/soak/cluster";
import type { LinkKind, Mailbox } from "@/soak/mailbox";
import {
  serverActionCall,
  serverActionForm,
  serverActionFormFields,
  serverActionId,
  withFields,
} from "@/soak/visitor-actions";

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
  /** Waiting-list joins whose address is not confirmed yet: their link arrives by email. */
  joiners: { email: string; performanceId: number }[];
  /** Confirmed waiting-list entries: an offer may arrive by email when seats free up. */
  waiting: { email: string; performanceId: number }[];
  staffCookie: string;
  adminCookie: string;
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
): Promise<{
  status: number;
  body: Record<string, unknown> | null;
  text: string;
  location: string | null;
}> {
  const instance = pick(state, state.instances)!;
  const started = Date.now();
  const { json, ...rest } = init;
  let status = 0;
  let retryAfter: string | null = null;
  let body: Record<string, unknown> | null = null;
  let text = "";
  let location: string | null = null;
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
    location = response.headers.get("location");
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
  return { status, body, text, location };
}

/** Whether a request may be tried again later: the app asked to (503) or never answered. */
const retryable = (status: number) => status === 503 || status === 0;

/** The token of a link (`…#token=…`), e.g. the ticket URL a confirmation answers with. */
export function tokenOf(url: unknown): string | null {
  return typeof url === "string" ? (/#token=([^&]+)/.exec(url)?.[1] ?? null) : null;
}

/**
 * The fields of the page's form bound to the server action `exportedName` of `file`, as
 * the page filled them in: the page is read first, as a browser does (an admin page with
 * the admin's session). Null when the page has no such form (e.g. the booking form of a
 * sold-out performance) or did not answer.
 */
async function formOnPage(
  state: SoakState,
  pathname: string,
  [file, exportedName]: [string, string],
  cookie?: string,
): Promise<[string, string][] | null> {
  const { status, text } = await send(
    state,
    cookie ? "admin page read" : "page read",
    pathname,
    cookie ? { headers: { cookie } } : {},
  );
  if (status !== 200) return null;
  return serverActionForm(text, serverActionId(file, exportedName));
}

/** A form posted without JavaScript; a redirect (303) is the answer of a saved form. */
function postForm(
  state: SoakState,
  kind: string,
  pathname: string,
  form: FormData,
  cookie?: string,
) {
  return send(state, kind, pathname, {
    method: "POST",
    body: form,
    redirect: "manual",
    ...(cookie ? { headers: { cookie } } : {}),
  });
}

/** A unique visitor address of this run. */
function newAddress(state: SoakState, label: string): string {
  state.sequence += 1;
  return `soak-${label}-${state.sequence}-${randomBytes(3).toString("hex")}@example.org`;
}

/** A JSON-ish value of a server action's answer (the RSC payload), e.g. `"kind":"booked"`. */
function actionField(text: string, name: string): string | null {
  return new RegExp(`"${name}":"([^"]*)"`).exec(text)?.[1] ?? null;
}

export type OperationKind = {
  name: string;
  weight: number;
  /** Sends this kind's requests; false when there was nothing to act on (nothing sent). */
  run: (state: SoakState) => Promise<boolean>;
};

function ticketFrom(
  state: SoakState,
  ticketUrl: unknown,
  performanceId: number,
  partySize: unknown,
): void {
  const token = tokenOf(ticketUrl);
  if (token) state.tickets.push({ token, performanceId, partySize: Number(partySize ?? 1) });
}

/** The entry of `list` whose inbox holds a link of `kind`, with the newest such link. */
async function withEmailedLink<T extends { email: string }>(
  state: SoakState,
  list: T[],
  kind: LinkKind,
): Promise<{ entry: T; index: number; token: string } | undefined> {
  await state.mailbox.refresh();
  const withLink = list.flatMap((entry, index) => {
    const token = state.mailbox.latestLink(entry.email, kind);
    return token ? [{ entry, index, token }] : [];
  });
  return pick(state, withLink);
}

/**
 * A visitor of `list` opens the newest link of `link` kind in their inbox: its page
 * (`/waitlist/confirm`, `/waitlist/offer`) posts the token to the server action, as the
 * browser does. The visitor leaves `list` unless the answer asks to try again (503, no
 * answer). Undefined when no inbox of `list` holds such a link.
 */
async function openEmailedLink<T extends { email: string }>(
  state: SoakState,
  list: T[],
  link: "waitlist confirm" | "waitlist offer",
  [file, exportedName]: [string, string],
): Promise<{ entry: T; status: number; text: string } | undefined> {
  const chosen = await withEmailedLink(state, list, link);
  if (!chosen) return undefined;
  const { status, text } = await send(
    state,
    link,
    `/${link.replace(" ", "/")}`,
    serverActionCall(serverActionId(file, exportedName), [chosen.token]),
  );
  if (!retryable(status)) list.splice(list.indexOf(chosen.entry), 1);
  return { entry: chosen.entry, status, text };
}

export const OPERATION_KINDS: OperationKind[] = [
  {
    name: "book",
    weight: 14,
    run: async (state) => {
      const performance = performanceFor(state);
      const email = newAddress(state, "visitor");
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
      return true;
    },
  },
  {
    name: "confirm",
    weight: 16,
    run: async (state) => {
      const index = Math.floor(state.random() * state.pending.length);
      const chosen = state.pending[index];
      if (!chosen) return false;
      const { status, body } = await send(state, "confirm", "/api/reservations/confirm", {
        method: "POST",
        json: { token: chosen.token },
      });
      // A 503 leaves the link usable: it is tried again later.
      if (!retryable(status)) state.pending.splice(index, 1);
      if (status === 200)
        ticketFrom(state, body?.ticket_url, chosen.performanceId, body?.party_size);
      return true;
    },
  },
  {
    // A visitor of this run opens the newest link of their inbox (the file mailbox).
    name: "confirm from email",
    weight: 8,
    run: async (state) => {
      const chosen = await withEmailedLink(state, state.bookings, "confirmation");
      if (!chosen) return false;
      const { status, body } = await send(
        state,
        "confirm from email",
        "/api/reservations/confirm",
        { method: "POST", json: { token: chosen.token } },
      );
      if (retryable(status)) return true;
      state.bookings.splice(chosen.index, 1);
      if (status === 200)
        ticketFrom(state, body?.ticket_url, chosen.entry.performanceId, body?.party_size);
      return true;
    },
  },
  {
    // "Send the email again" on the booking page, posted without JavaScript: a new link
    // replaces the one in the inbox.
    name: "resend",
    weight: 3,
    run: async (state) => {
      const booking = pick(state, state.bookings);
      if (!booking) return false;
      const performance = state.performances.find((p) => p.id === booking.performanceId)!;
      const page = `/shows/${performance.slug}/${performance.id}`;
      let fields = state.bookingForms.get(performance.id);
      if (!fields) {
        const { status, text } = await send(state, "page read", page);
        if (status !== 200) return true;
        // The booking form's fields (a sold-out page has none: tried again later).
        const found = serverActionFormFields(
          text,
          serverActionId("actions/booking.ts", "submitBooking"),
        );
        if (!found) return true;
        fields = found;
        state.bookingForms.set(performance.id, fields);
      }
      const form = withFields(fields, {
        intent: "resend",
        reservation_id: String(booking.reservationId),
        email: booking.email,
      });
      await send(state, "resend", page, { method: "POST", body: form });
      return true;
    },
  },
  {
    // The ticket page's "cancel my booking" (its button calls the server action). The
    // seats it frees are offered to the waiting list in the same transaction.
    name: "cancel",
    weight: 3,
    run: async (state) => {
      const index = Math.floor(state.random() * state.tickets.length);
      const ticket = state.tickets[index];
      if (!ticket) return false;
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
      return true;
    },
  },
  {
    // "Join the waiting list" on a hot performance's booking page (`?waitlist=1`), posted
    // without JavaScript, with the party size the form proposes (one more than the seats
    // left, so that a sold-out or nearly sold-out date takes it).
    name: "waitlist join",
    weight: 4,
    run: async (state) => {
      const performance = pick(
        state,
        state.performances.filter((p) => p.hot),
      )!;
      const page = `/shows/${performance.slug}/${performance.id}?waitlist=1`;
      const fields = await formOnPage(state, page, ["actions/waitlist.ts", "submitWaitlistJoin"]);
      if (!fields) return true;
      const email = newAddress(state, "waitlist");
      const { status } = await postForm(
        state,
        "waitlist join",
        page,
        withFields(fields, {
          name: `Soak waiting ${state.sequence}`,
          email,
          privacy_consent: "on",
        }),
      );
      // Refused when the party fits (book instead): no email comes, and the entry is never picked.
      if (status === 200) state.joiners.push({ email, performanceId: performance.id });
      return true;
    },
  },
  {
    // The waiting list's address-confirmation link, opened from the inbox.
    name: "waitlist confirm",
    weight: 5,
    run: async (state) => {
      const opened = await openEmailedLink(state, state.joiners, "waitlist confirm", [
        "actions/waitlist.ts",
        "confirmWaitlistAction",
      ]);
      if (!opened) return false;
      const kind = actionField(opened.text, "kind");
      if (kind === "waiting" || kind === "offered") state.waiting.push(opened.entry);
      return true;
    },
  },
  {
    // The offer link, opened from the inbox: the held seats become a confirmed booking
    // and the answer carries the ticket, which the door then scans like any other.
    name: "waitlist offer",
    weight: 5,
    run: async (state) => {
      const opened = await openEmailedLink(state, state.waiting, "waitlist offer", [
        "actions/waitlist.ts",
        "acceptOfferAction",
      ]);
      if (!opened) return false;
      const ticket = actionField(opened.text, "checkInToken");
      if (actionField(opened.text, "kind") === "booked" && ticket)
        state.tickets.push({
          token: ticket,
          performanceId: opened.entry.performanceId,
          partySize: Number(/"partySize":(\d+)/.exec(opened.text)?.[1] ?? 1),
        });
      return true;
    },
  },
  {
    name: "check-in preview",
    weight: 10,
    run: async (state) => {
      const ticket = pick(state, state.tickets);
      if (!ticket) return false;
      await send(state, "check-in preview", "/api/check-ins/preview", {
        method: "POST",
        headers: { cookie: state.staffCookie },
        json: { token: ticket.token, performance_id: ticket.performanceId },
      });
      return true;
    },
  },
  {
    name: "check-in confirm",
    weight: 12,
    run: async (state) => {
      const ticket = pick(state, state.tickets);
      if (!ticket) return false;
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
      return true;
    },
  },
  {
    name: "check-in undo",
    weight: 3,
    run: async (state) => {
      const index = Math.floor(state.random() * state.admissions.length);
      const admission = state.admissions[index];
      if (admission === undefined) return false;
      const { status } = await send(state, "check-in undo", "/api/check-ins/undo", {
        method: "POST",
        headers: { cookie: state.staffCookie },
        json: { admission_id: admission },
      });
      if (!retryable(status)) state.admissions.splice(index, 1);
      return true;
    },
  },
  {
    // The admin's performance form (/admin/performances/<id>), posted without JavaScript
    // with the values the page shows and the additional seats changed: a raise offers the
    // new seats to the waiting list, a cut below the seats confirmed and held is refused.
    // Raises stop at 6 extra seats so the hot performances stay hot.
    name: "admin capacity edit",
    weight: 2,
    run: async (state) => {
      const performance = performanceFor(state);
      const page = `/admin/performances/${performance.id}`;
      const fields = await formOnPage(
        state,
        page,
        ["app/admin/performances/actions.ts", "savePerformanceAction"],
        state.adminCookie,
      );
      if (!fields) return true;
      const current = Number(fields.find(([name]) => name === "additionalSeats")?.[1] ?? 0);
      const delta =
        current >= 6 ? -1 : Math.max(-current, [-2, -1, 1, 2][Math.floor(state.random() * 4)]);
      await postForm(
        state,
        "admin capacity edit",
        page,
        withFields(fields, { additionalSeats: String(current + delta) }),
        state.adminCookie,
      );
      return true;
    },
  },
  {
    // The box office (/admin/reservations/new): a phone, desk or guest booking, confirmed
    // at once with its ticket emailed — never the guest's capacity override, so the
    // capacity invariant holds for every booking.
    name: "admin book",
    weight: 2,
    run: async (state) => {
      const performance = performanceFor(state);
      const page = `/admin/reservations/new?performance=${performance.id}`;
      const fields = await formOnPage(
        state,
        page,
        ["app/admin/reservations/actions.ts", "bookReservationAction"],
        state.adminCookie,
      );
      if (!fields) return true;
      const email = newAddress(state, "box-office");
      await postForm(
        state,
        "admin book",
        page,
        withFields(fields, {
          performanceId: String(performance.id),
          channel: pick(state, ["phone", "walk_in", "guest"])!,
          name: `Soak box office ${state.sequence}`,
          email,
          party_size: String(1 + Math.floor(state.random() * 4)),
          locale: "it",
          sendEmail: "on",
          overrideCapacity: undefined,
        }),
        state.adminCookie,
      );
      return true;
    },
  },
  {
    // Moving a reservation (/admin/reservations/<id>/edit) to another performance, hot
    // ones included, with a new ticket emailed: the admin picks one from the list.
    name: "admin move",
    weight: 2,
    run: async (state) => {
      const { rows } = await state.sql
        .query<{ id: number; performance_id: number }>(
          `SELECT id, performance_id FROM reservations
            WHERE status IN ('pending', 'confirmed') ORDER BY random() LIMIT 1`,
        )
        .catch(() => ({ rows: [] }));
      const reservation = rows[0];
      if (!reservation) return false;
      const targets = state.performances.filter((p) => p.id !== reservation.performance_id);
      const target =
        state.random() < 0.6
          ? pick(
              state,
              targets.filter((p) => p.hot),
            )!
          : pick(state, targets)!;
      const page = `/admin/reservations/${reservation.id}/edit`;
      const fields = await formOnPage(
        state,
        page,
        ["app/admin/reservations/actions.ts", "moveReservationAction"],
        state.adminCookie,
      );
      if (!fields) return true;
      await postForm(
        state,
        "admin move",
        page,
        withFields(fields, { performanceId: String(target.id), sendEmail: "on" }),
        state.adminCookie,
      );
      return true;
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
      return true;
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

/**
 * One operation: kinds are drawn until one finds something to act on (a page read always
 * does), so every operation counted sent requests. Returns the kind that ran.
 */
export async function performOperation(state: SoakState): Promise<string> {
  for (;;) {
    const kind = drawKind(state);
    if (await kind.run(state)) return kind.name;
  }
}
