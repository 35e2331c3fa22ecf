import type { CardState, DoorTicket } from "@/components/staff/check-in-result-card";

/** What the door asks about: a scanned or pasted ticket, a typed booking code, a search result. */
export type DeskTarget =
  { token: string; source: "qr_scan" | "link" } | { code: string } | { reservationId: number };

type CheckInBody = {
  status?: string;
  show_title?: string;
  starts_at?: string;
  party_size?: number;
  seats_in?: number;
  booking_code?: string;
  name?: string;
  notes?: string;
  accessibility?: boolean;
  reservation_status?: string;
  last_admission_id?: number | null;
  last_admitted_at?: string | null;
  checked_in_at?: string;
  checked_in_by_name?: string;
  doors_open_at?: string | null;
  seats_left?: number;
  admission_id?: number;
  seats_admitted?: number;
};

const ATTEMPTS = 3;

function ticketOf(body: CheckInBody): DoorTicket {
  return {
    showTitle: body.show_title ?? "",
    startsAt: body.starts_at ?? "",
    partySize: body.party_size ?? 0,
    seatsIn: body.seats_in ?? 0,
    bookingCode: body.booking_code ?? "",
    name: body.name ?? "",
    notes: body.notes ?? "",
    accessibility: body.accessibility ?? false,
    reservationStatus: body.reservation_status ?? "",
    lastAdmission:
      body.last_admission_id && body.last_admitted_at
        ? {
            id: body.last_admission_id,
            // How old the admission was when the answer came, for the staff undo limit.
            ageMs: Date.now() - new Date(body.last_admitted_at).getTime(),
          }
        : null,
  };
}

/**
 * A random id for one scan; sent again on retries of the same confirm so the server can
 * recognise them. getRandomValues, unlike randomUUID, also exists outside secure contexts.
 */
function newNonce(): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (byte) =>
    byte.toString(16).padStart(2, "0"),
  ).join("");
}

function targetFields(target: DeskTarget) {
  if ("token" in target) return { token: target.token, source: target.source };
  if ("code" in target) return { code: target.code };
  return { reservation_id: target.reservationId };
}

async function send(url: string, init: RequestInit, attempts: number): Promise<Response | null> {
  for (let attempt = 0; attempt < attempts; attempt += 1) {
    try {
      return await fetch(url, { ...init, cache: "no-store" });
    } catch {
      if (attempt + 1 < attempts)
        await new Promise((resolve) => setTimeout(resolve, 500 * (attempt + 1)));
    }
  }
  return null;
}

/**
 * Calls a check-in endpoint and turns its answer into what the result card shows. A
 * confirm that fails on the network is retried with the same nonce: if the first try did
 * reach the server, the retry gets that success back instead of "already checked in".
 */
export async function postCheckIn(
  endpoint: "preview" | "confirm",
  {
    target,
    performanceId,
    nonce,
    seats,
    overrideWindow,
  }: {
    target: DeskTarget;
    performanceId: number | null;
    nonce?: string;
    seats?: number;
    overrideWindow?: boolean;
  },
): Promise<CardState> {
  const payload = JSON.stringify({
    ...targetFields(target),
    ...(performanceId !== null ? { performance_id: performanceId } : {}),
    ...(endpoint === "confirm" ? { nonce, seats, override_window: overrideWindow } : {}),
  });
  const response = await send(
    `/api/check-ins/${endpoint}`,
    { method: "POST", headers: { "Content-Type": "application/json" }, body: payload },
    endpoint === "confirm" ? ATTEMPTS : 1,
  );
  if (!response) return { kind: "network" };
  if (response.status === 401 || response.status === 403) return { kind: "session" };
  if (response.status === 429) return { kind: "rate_limited" };
  if (response.status === 400 || response.status === 415) return { kind: "unreadable" };
  const body = (await response.json().catch(() => ({}))) as CheckInBody;
  switch (body.status) {
    case "valid":
      return {
        kind: "valid",
        ticket: ticketOf(body),
        target,
        nonce: newNonce(),
        doorsOpenAt: body.doors_open_at ?? null,
      };
    case "checked_in":
      return {
        kind: "checked_in",
        ticket: ticketOf(body),
        admissionId: body.admission_id ?? 0,
        seatsAdmitted: body.seats_admitted ?? 0,
      };
    case "already_checked_in":
      return {
        kind: "already_checked_in",
        ticket: ticketOf(body),
        checkedInAt: body.checked_in_at ?? "",
        checkedInBy: body.checked_in_by_name ?? "",
      };
    case "doors_not_open":
      return {
        kind: "valid",
        ticket: ticketOf(body),
        target,
        nonce: newNonce(),
        doorsOpenAt: body.doors_open_at ?? null,
      };
    case "seats_unavailable":
      return { kind: "seats_unavailable", ticket: ticketOf(body), seatsLeft: body.seats_left ?? 0 };
    case "wrong_performance":
    case "reservation_not_confirmed":
    case "performance_cancelled":
    case "expired":
      return { kind: body.status, ticket: ticketOf(body) };
    case "token_not_found":
      return { kind: "token_not_found" };
    default:
      return { kind: "network" };
  }
}

export type SearchHit = {
  reservationId: number;
  name: string;
  partySize: number;
  seatsIn: number;
  bookingCode: string;
};

/** Name search at the door; null when the request failed (the card says why). */
export async function searchDoor(
  performanceId: number,
  query: string,
): Promise<{ ok: true; hits: SearchHit[] } | { ok: false; card: CardState }> {
  const params = new URLSearchParams({ performance_id: String(performanceId), q: query });
  const response = await send(`/api/check-ins/search?${params}`, {}, 1);
  if (!response) return { ok: false, card: { kind: "network" } };
  if (response.status === 401 || response.status === 403)
    return { ok: false, card: { kind: "session" } };
  if (response.status === 429) return { ok: false, card: { kind: "rate_limited" } };
  if (!response.ok) return { ok: false, card: { kind: "unreadable" } };
  const body = (await response.json()) as {
    results: {
      reservation_id: number;
      name: string;
      party_size: number;
      seats_in: number;
      booking_code: string;
    }[];
  };
  return {
    ok: true,
    hits: body.results.map((r) => ({
      reservationId: r.reservation_id,
      name: r.name,
      partySize: r.party_size,
      seatsIn: r.seats_in,
      bookingCode: r.booking_code,
    })),
  };
}

/** Takes back one admission; the answer in words the card can show. */
export async function postUndo(
  admissionId: number,
): Promise<{ ok: true; seats: number } | { ok: false; reason: string }> {
  const response = await send(
    "/api/check-ins/undo",
    {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ admission_id: admissionId }),
    },
    1,
  );
  if (!response) return { ok: false, reason: "network" };
  const body = (await response.json().catch(() => ({}))) as {
    status?: string;
    seats_undone?: number;
  };
  if (response.ok) return { ok: true, seats: body.seats_undone ?? 0 };
  return { ok: false, reason: body.status ?? "network" };
}
