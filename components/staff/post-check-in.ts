import type { CardState, DoorTicket } from "@/components/staff/check-in-result-card";

type CheckInBody = {
  status?: string;
  show_title?: string;
  starts_at?: string;
  party_size?: number;
  checked_in_at?: string;
  checked_in_by_name?: string;
};

const ATTEMPTS = 3;

function ticketOf(body: CheckInBody): DoorTicket {
  return {
    showTitle: body.show_title ?? "",
    startsAt: body.starts_at ?? "",
    partySize: body.party_size ?? 0,
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

/**
 * Calls a check-in endpoint and turns its answer into what the result card shows. A
 * confirm that fails on the network is retried with the same nonce: if the first try did
 * reach the server, the retry gets that success back instead of "already checked in".
 */
export async function postCheckIn(
  endpoint: "preview" | "confirm",
  { token, performanceId, nonce }: { token: string; performanceId: number | null; nonce?: string },
): Promise<CardState> {
  const payload = JSON.stringify({
    token,
    ...(performanceId !== null ? { performance_id: performanceId } : {}),
    ...(endpoint === "confirm" ? { nonce } : {}),
  });
  let response: Response | null = null;
  for (
    let attempt = 0;
    attempt < (endpoint === "confirm" ? ATTEMPTS : 1) && !response;
    attempt += 1
  ) {
    try {
      response = await fetch(`/api/check-ins/${endpoint}`, {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: payload,
        cache: "no-store",
      });
    } catch {
      if (attempt + 1 < ATTEMPTS)
        await new Promise((resolve) => setTimeout(resolve, 500 * (attempt + 1)));
    }
  }
  if (!response) return { kind: "network" };
  if (response.status === 401 || response.status === 403) return { kind: "session" };
  if (response.status === 429) return { kind: "rate_limited" };
  if (response.status === 400 || response.status === 415) return { kind: "unreadable" };
  const body = (await response.json().catch(() => ({}))) as CheckInBody;
  switch (body.status) {
    case "valid":
      return { kind: "valid", ticket: ticketOf(body), token, nonce: newNonce() };
    case "checked_in":
      return { kind: "checked_in", ticket: ticketOf(body) };
    case "already_checked_in":
      return {
        kind: "already_checked_in",
        ticket: ticketOf(body),
        checkedInAt: body.checked_in_at ?? "",
        checkedInBy: body.checked_in_by_name ?? "",
      };
    case "wrong_performance":
    case "reservation_not_confirmed":
    case "expired":
      return { kind: body.status, ticket: ticketOf(body) };
    case "token_not_found":
      return { kind: "token_not_found" };
    default:
      return { kind: "network" };
  }
}
