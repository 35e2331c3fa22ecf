"use client";

import Link from "next/link";
import { useLocalizedPath } from "@/components/public/document";
import { useEffect, useRef, useState, useTransition } from "react";
import {
  cancelTicket,
  loadTicket,
  type CancelTicketResult,
  type TicketData,
} from "@/actions/ticket";
import { Alert } from "@/components/ui/alert";
import { LoadingStatus } from "@/components/ui/loading-status";
import { Button, buttonClass } from "@/components/ui/button";
import { fill } from "@/lib/i18n/fill";
import type { PublicMessages } from "@/lib/i18n/messages/public";

export type TicketText = PublicMessages["ticket"];

type Loaded =
  { status: "loading" } | { status: "missing" } | { status: "ready"; ticket: TicketData };

/** A ticket opened with its check-in token: details, QR, print, calendar and cancellation. */
export function TicketView({
  token,
  initial,
  t,
  calendarFilename,
  onCancelled,
}: {
  token: string;
  /** The ticket as the confirmation returned it: shown at once, loaded again only after a change. */
  initial?: TicketData;
  t: TicketText;
  calendarFilename: string;
  /** Called once the visitor has cancelled (the confirmation page then drops its banner). */
  onCancelled?: () => void;
}) {
  const localized = useLocalizedPath();
  const [loaded, setLoaded] = useState<Loaded>(
    initial ? { status: "ready", ticket: initial } : { status: "loading" },
  );
  const [reload, setReload] = useState(0);

  useEffect(() => {
    if (initial && reload === 0) return;
    let current = true;
    loadTicket(token).then(
      (ticket) =>
        current && setLoaded(ticket ? { status: "ready", ticket } : { status: "missing" }),
      () => current && setLoaded({ status: "missing" }),
    );
    return () => {
      current = false;
    };
  }, [token, reload, initial]);

  if (loaded.status === "loading") return <LoadingStatus text={t.loading} />;
  if (loaded.status === "missing") {
    return (
      <Alert tone="danger">
        <p>{t.unknown}</p>
        <p className="mt-2">
          <Link href={localized("/lost-ticket")}>{t.lostTicket}</Link>
        </p>
      </Alert>
    );
  }
  return (
    <TicketCard
      ticket={loaded.ticket}
      token={token}
      t={t}
      calendarFilename={calendarFilename}
      onChanged={() => setReload((n) => n + 1)}
      onCancelled={onCancelled}
    />
  );
}

/**
 * What is left after the visitor cancels: only the cancellation and the way onward (other
 * dates of the show, all shows), with the focus on its heading so it is read out.
 */
function CancelledPanel({ ticket, t }: { ticket: TicketData; t: TicketText }) {
  const localized = useLocalizedPath();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <section
      aria-labelledby="cancelled-heading"
      className="space-y-4 rounded-lg border border-line bg-paper-raised p-5"
    >
      <h2
        id="cancelled-heading"
        ref={heading}
        tabIndex={-1}
        className="text-2xl font-semibold outline-none"
      >
        {t.cancelledTitle}
      </h2>
      <Alert tone="success" live>
        {t.cancelledNow}
      </Alert>
      <p>
        {ticket.showTitle} · {ticket.date}, {ticket.time}
      </p>
      <p>{t.cancelledNext}</p>
      <p className="flex flex-col gap-3 sm:flex-row">
        <Link href={localized(`/shows/${ticket.showSlug}`)} className={buttonClass("primary")}>
          {t.otherDates}
        </Link>
        <Link href={localized("/shows")} className={buttonClass("secondary")}>
          {t.allShows}
        </Link>
      </p>
    </section>
  );
}

function TicketCard({
  ticket,
  token,
  t,
  calendarFilename,
  onChanged,
  onCancelled,
}: {
  ticket: TicketData;
  token: string;
  t: TicketText;
  calendarFilename: string;
  onChanged: () => void;
  onCancelled?: () => void;
}) {
  const [asking, setAsking] = useState(false);
  const [outcome, setOutcome] = useState<CancelTicketResult | null>(null);
  const [cancelling, startCancelling] = useTransition();
  const keepButton = useRef<HTMLButtonElement>(null);
  const cancelButton = useRef<HTMLButtonElement>(null);
  const keptByVisitor = useRef(false);
  const seats =
    ticket.partySize === 1 ? t.seats.one : fill(t.seats.other, { count: ticket.partySize });

  // Focus moves into the question on the safe choice ("no, keep it": an Enter pressed
  // without reading cancels nothing), and back to "cancel" when the visitor keeps it.
  useEffect(() => {
    if (asking) keepButton.current?.focus();
    else if (keptByVisitor.current) {
      keptByVisitor.current = false;
      cancelButton.current?.focus();
    }
  }, [asking]);

  const keep = () => {
    keptByVisitor.current = true;
    setAsking(false);
  };

  const cancel = () =>
    startCancelling(async () => {
      const result = await cancelTicket(token);
      setOutcome(result);
      setAsking(false);
      if (result.ok) onCancelled?.();
      else onChanged();
    });

  if (outcome?.ok) return <CancelledPanel ticket={ticket} t={t} />;

  return (
    <article
      aria-labelledby="ticket-show"
      className="space-y-5 rounded-lg border-2 border-ink bg-paper-raised p-5 print:border print:p-6"
    >
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <p className="font-display text-lg font-semibold text-accent">AzioneLab</p>
        {ticket.state === "valid" ? (
          <p className="rounded-full bg-green-50 px-3 py-0.5 text-sm font-semibold text-success">
            {t.valid}
          </p>
        ) : null}
      </div>
      <h2 id="ticket-show" className="text-3xl font-semibold">
        {ticket.showTitle}
      </h2>
      {/* On a phone each label sits above its value, so names and dates keep the full width. */}
      <dl className="grid grid-cols-1 gap-x-4 text-lg sm:grid-cols-[auto_1fr] sm:gap-y-2 [&>dd]:mb-2 sm:[&>dd]:mb-0 [&>dt]:text-base sm:[&>dt]:text-lg">
        <dt className="text-ink-muted">{t.date}</dt>
        <dd>
          <time dateTime={ticket.startsAtIso}>{ticket.date}</time>
        </dd>
        <dt className="text-ink-muted">{t.time}</dt>
        <dd>{ticket.time}</dd>
        <dt className="text-ink-muted">{t.venue}</dt>
        <dd>
          {ticket.venue.name}
          <br />
          {ticket.venue.address}, {ticket.venue.city}
        </dd>
        <dt className="text-ink-muted">{t.party}</dt>
        <dd className="font-semibold">{seats}</dd>
        {ticket.name ? (
          <>
            <dt className="text-ink-muted">{t.holder}</dt>
            <dd className="font-semibold" data-testid="ticket-holder">
              {ticket.name}
            </dd>
          </>
        ) : null}
        <dt className="text-ink-muted">{t.bookingCode}</dt>
        <dd className="font-mono text-lg font-bold tracking-wider" data-testid="booking-code">
          {ticket.bookingCode}
        </dd>
      </dl>

      {outcome && !outcome.ok ? (
        <Alert tone="danger" live>
          {outcome.reason === "performance_started"
            ? t.performance_started
            : outcome.reason === "already_checked_in"
              ? t.checked_in
              : t.cancelFailed}
        </Alert>
      ) : null}

      {ticket.qrCode ? (
        <figure className="flex flex-col items-center gap-2">
          {/* A data: URL rendered on the server; next/image adds nothing here. */}
          {/* eslint-disable-next-line @next/next/no-img-element -- data: URL of the QR code */}
          <img
            src={ticket.qrCode}
            alt={t.qrAlt}
            width={280}
            height={280}
            className="size-64 max-w-full border border-line bg-white sm:size-72 print:size-[7cm]"
          />
          <figcaption className="text-center text-ink-muted">{t.qrHint}</figcaption>
        </figure>
      ) : (
        <Alert tone="warning">{t[ticket.state === "valid" ? "cancelled" : ticket.state]}</Alert>
      )}

      {ticket.state === "valid" ? (
        <div className="flex flex-col gap-3 sm:flex-row sm:flex-wrap print:hidden">
          <Button onClick={() => window.print()}>{t.print}</Button>
          <a
            href={`data:text/calendar;charset=utf-8,${encodeURIComponent(ticket.calendar)}`}
            download={calendarFilename}
            className={buttonClass("secondary")}
          >
            {t.calendar}
          </a>
          {!asking ? (
            <Button
              ref={cancelButton}
              variant="secondary"
              onClick={() => setAsking(true)}
              aria-expanded={false}
              aria-controls="cancel-question"
            >
              {t.cancel}
            </Button>
          ) : null}
        </div>
      ) : null}

      {asking ? (
        <div
          id="cancel-question"
          className="space-y-3 rounded-md border border-danger bg-red-50 p-4 print:hidden"
        >
          <p>{t.cancelQuestion}</p>
          <div className="flex flex-col gap-3 sm:flex-row">
            <Button ref={keepButton} variant="secondary" onClick={keep} disabled={cancelling}>
              {t.cancelNo}
            </Button>
            <Button variant="danger" onClick={cancel} disabled={cancelling}>
              {cancelling ? t.cancelling : t.cancelYes}
            </Button>
          </div>
        </div>
      ) : null}
    </article>
  );
}
