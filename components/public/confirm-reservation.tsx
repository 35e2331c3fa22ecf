"use client";

import Link from "next/link";
import { useEffect, useRef, useState } from "react";
import { TicketView, type TicketText } from "@/components/public/ticket-view";
import { useFragmentToken } from "@/components/public/url-fragment-token";
import { Alert } from "@/components/ui/alert";
import { buttonClass } from "@/components/ui/button";
import type { PublicMessages } from "@/lib/i18n/messages/public";

type ConfirmText = PublicMessages["confirm"];

type Refusal =
  | "already_confirmed"
  | "already_booked"
  | "cancelled"
  | "expired"
  | "sold_out"
  | "replaced"
  | "closed"
  | "unknown"
  | "rate_limited"
  | "error";

type Outcome =
  { kind: "working" } | { kind: "confirmed"; checkInToken: string } | { kind: Refusal };

// The confirm endpoint's `status` of a refusal -> what the visitor reads.
const REFUSALS: Record<string, Refusal> = {
  already_confirmed: "already_confirmed",
  already_booked: "already_booked",
  reservation_cancelled: "cancelled",
  expired: "expired",
  insufficient_seats: "sold_out",
  token_replaced: "replaced",
  booking_closed: "closed",
  token_not_found: "unknown",
  rate_limited: "rate_limited",
};

async function postConfirmation(token: string): Promise<Outcome> {
  try {
    const response = await fetch("/api/reservations/confirm", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ token }),
    });
    const body = (await response.json()) as { status?: string; ticket_url?: string };
    if (response.ok && body.ticket_url) {
      const checkInToken = new URLSearchParams(new URL(body.ticket_url).hash.slice(1)).get("token");
      if (checkInToken) return { kind: "confirmed", checkInToken };
    }
    if (response.status === 400) return { kind: "unknown" };
    return { kind: REFUSALS[body.status ?? ""] ?? "error" };
  } catch {
    return { kind: "error" };
  }
}

/**
 * Reads the confirmation token from the fragment and POSTs it once: opening the link is
 * a GET that changes nothing (mail scanners prefetch links), the POST confirms.
 */
export function ConfirmReservation({
  t,
  ticketText,
  calendarFilename,
}: {
  t: ConfirmText;
  ticketText: TicketText;
  calendarFilename: string;
}) {
  const token = useFragmentToken();
  const [outcome, setOutcome] = useState<Outcome>({ kind: "working" });
  // Tokens already handled: a link opened later in the same tab (only the fragment
  // changes) is confirmed too, while the StrictMode re-run and our own switch to the
  // ticket's URL are not posted again.
  const handled = useRef(new Set<string | null>());
  const latest = useRef<string | null>(null);
  const message = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (token === undefined || handled.current.has(token)) return;
    handled.current.add(token);
    latest.current = token;
    (token ? postConfirmation(token) : Promise.resolve<Outcome>({ kind: "unknown" })).then(
      (result) => {
        if (latest.current !== token) return; // a newer link was opened meanwhile
        if (result.kind === "confirmed") {
          handled.current.add(result.checkInToken);
          // A reload now opens the ticket instead of re-sending a used confirmation token.
          window.history.replaceState(null, "", `/ticket#token=${result.checkInToken}`);
        }
        setOutcome(result);
      },
    );
  }, [token]);

  useEffect(() => {
    if (outcome.kind !== "working") message.current?.focus();
  }, [outcome.kind]);

  if (outcome.kind === "working") return <p role="status">{t.working}</p>;
  if (outcome.kind === "confirmed") {
    return (
      <div className="space-y-6">
        <div ref={message} tabIndex={-1} className="outline-none print:hidden">
          <Alert tone="success">{t.confirmed}</Alert>
        </div>
        <TicketView
          token={outcome.checkInToken}
          t={ticketText}
          calendarFilename={calendarFilename}
        />
      </div>
    );
  }
  const tone =
    outcome.kind === "already_confirmed" || outcome.kind === "already_booked" ? "info" : "warning";
  return (
    <div ref={message} tabIndex={-1} className="space-y-4 outline-none">
      <Alert tone={tone}>{t[outcome.kind]}</Alert>
      <p className="flex flex-col gap-3 sm:flex-row">
        {outcome.kind === "already_confirmed" ||
        outcome.kind === "already_booked" ||
        outcome.kind === "replaced" ? (
          <Link href="/lost-ticket" className={buttonClass("primary")}>
            {t.lostTicket}
          </Link>
        ) : null}
        {outcome.kind === "expired" ||
        outcome.kind === "sold_out" ||
        outcome.kind === "cancelled" ? (
          <Link href="/shows" className={buttonClass("primary")}>
            {t.bookAgain}
          </Link>
        ) : null}
        <Link href="/shows" className={buttonClass("secondary")}>
          {t.shows}
        </Link>
      </p>
    </div>
  );
}
