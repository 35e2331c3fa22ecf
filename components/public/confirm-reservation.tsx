"use client";

import Link from "next/link";
import { useLocalizedPath } from "@/components/public/document";
import { useEffect, useRef, useState } from "react";
import { confirmBooking, type ConfirmOutcome, type ConfirmRefusal } from "@/actions/confirm";
import { TicketView, type TicketText } from "@/components/public/ticket-view";
import { useFragmentToken } from "@/components/public/url-fragment-token";
import { Alert } from "@/components/ui/alert";
import { LoadingStatus } from "@/components/ui/loading-status";
import { buttonClass } from "@/components/ui/button";
import type { PublicMessages } from "@/lib/i18n/messages/public";

type ConfirmText = PublicMessages["confirm"];

type Outcome =
  | { kind: "working" }
  | Extract<ConfirmOutcome, { kind: "confirmed" }>
  | { kind: ConfirmRefusal | "error" };

function postConfirmation(token: string): Promise<Outcome> {
  return confirmBooking(token).catch(() => ({ kind: "error" }) as const);
}

/**
 * Reads the confirmation token from the fragment and POSTs it once (a server action that
 * answers with the ticket itself): opening the link is a GET that changes nothing (mail
 * scanners prefetch links), the POST confirms.
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
  const localized = useLocalizedPath();
  const ticketPath = localized("/ticket");
  const [outcome, setOutcome] = useState<Outcome>({ kind: "working" });
  // Cancelled from here: the "confirmed" banner goes, the ticket shows only the cancellation.
  const [cancelled, setCancelled] = useState(false);
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
          window.history.replaceState(null, "", `${ticketPath}#token=${result.checkInToken}`);
        }
        setOutcome(result);
      },
    );
  }, [token, ticketPath]);

  useEffect(() => {
    if (outcome.kind !== "working") message.current?.focus();
  }, [outcome.kind]);

  if (outcome.kind === "working") return <LoadingStatus text={t.working} />;
  if (outcome.kind === "confirmed") {
    return (
      <div className="space-y-6">
        {cancelled ? null : (
          <div ref={message} tabIndex={-1} className="outline-none print:hidden">
            <Alert tone="success">{t.confirmed}</Alert>
          </div>
        )}
        <TicketView
          token={outcome.checkInToken}
          initial={outcome.ticket}
          t={ticketText}
          calendarFilename={calendarFilename}
          onCancelled={() => setCancelled(true)}
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
          <Link href={localized("/lost-ticket")} className={buttonClass("primary")}>
            {t.lostTicket}
          </Link>
        ) : null}
        {outcome.kind === "expired" ||
        outcome.kind === "sold_out" ||
        outcome.kind === "cancelled" ? (
          <Link href={localized("/shows")} className={buttonClass("primary")}>
            {t.bookAgain}
          </Link>
        ) : null}
        {/* "Book again" already leads to the shows: one way there, not two. */}
        {outcome.kind === "expired" ||
        outcome.kind === "sold_out" ||
        outcome.kind === "cancelled" ? null : (
          <Link href={localized("/shows")} className={buttonClass("secondary")}>
            {t.shows}
          </Link>
        )}
      </p>
    </div>
  );
}
