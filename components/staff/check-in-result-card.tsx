"use client";

import Link from "next/link";
import { useState, type RefObject } from "react";
import type { DeskTarget } from "@/components/staff/post-check-in";
import { formatBookingCode } from "@/lib/check-ins/booking-code";
import { formatDate, formatDateTime, formatTime } from "@/lib/i18n/format";
import type { Locale } from "@/lib/i18n/locale";
import { fill, type StaffMessages } from "@/lib/i18n/messages/staff";

/** What the door is told of a reservation: who, how many, notes; never email or phone. */
export type DoorTicket = {
  showTitle: string;
  startsAt: string;
  partySize: number;
  seatsIn: number;
  bookingCode: string;
  name: string;
  notes: string;
  accessibility: boolean;
  reservationStatus: string;
  lastAdmission: { id: number; ageMs: number } | null;
};

/** Everything the door can be told about one scan, code or search pick. */
export type CardState =
  | {
      kind: "valid";
      ticket: DoorTicket;
      target: DeskTarget;
      nonce: string;
      /** Set while the doors are not open yet: admitting then is an explicit override. */
      doorsOpenAt: string | null;
    }
  | { kind: "checked_in"; ticket: DoorTicket; admissionId: number; seatsAdmitted: number }
  | { kind: "already_checked_in"; ticket: DoorTicket; checkedInAt: string; checkedInBy: string }
  | { kind: "seats_unavailable"; ticket: DoorTicket; seatsLeft: number }
  | {
      kind: "wrong_performance" | "reservation_not_confirmed" | "expired" | "performance_cancelled";
      ticket: DoorTicket;
    }
  | { kind: "token_not_found" | "unreadable" | "rate_limited" | "session" | "network" };

type Tone = "good" | "stop" | "caution";

const TONE_CLASSES: Record<Tone, string> = {
  good: "border-success bg-success text-white",
  stop: "border-danger bg-danger text-white",
  caution: "border-warning bg-warning text-white",
};

type Props = {
  card: CardState | null;
  t: StaffMessages["checkIn"];
  locale: Locale;
  timeZone: string;
  busy: "checking" | "admitting" | "undoing" | null;
  admitRef: RefObject<HTMLButtonElement | null>;
  onAdmit: (seats: number, overrideWindow: boolean) => void;
  onUndo: (admissionId: number) => void;
  undoMessage: string | null;
  /** Admins undo any time; staff within `undoMinutes` of the admission. */
  isAdmin: boolean;
  undoMinutes: number;
};

function describe(
  card: CardState,
  t: StaffMessages["checkIn"],
  locale: Locale,
  timeZone: string,
): { tone: Tone; title: string; detail?: string } {
  const r = t.result;
  switch (card.kind) {
    case "valid":
      return card.doorsOpenAt
        ? {
            tone: "caution",
            title: r.valid,
            detail: fill(t.doorsClosedWarning, {
              when: formatDateTime(new Date(card.doorsOpenAt), locale, timeZone),
            }),
          }
        : { tone: "good", title: r.valid };
    case "checked_in":
      return { tone: "good", title: r.checked_in };
    case "already_checked_in": {
      const at = new Date(card.checkedInAt);
      return {
        tone: "stop",
        title: r.already_checked_in,
        detail: fill(r.alreadyDetail, {
          time: formatTime(at, locale, timeZone),
          date: formatDate(at, locale, timeZone),
          staff: card.checkedInBy,
        }),
      };
    }
    case "seats_unavailable":
      return {
        tone: "stop",
        title: r.seats_unavailable,
        detail: fill(r.seatsUnavailableDetail, { seatsLeft: card.seatsLeft }, locale),
      };
    case "reservation_not_confirmed": {
      const status = card.ticket.reservationStatus as keyof typeof r.statuses;
      return {
        tone: "stop",
        title: r.reservation_not_confirmed,
        detail: fill(r.reservationNotConfirmedDetail, {
          status: r.statuses[status] ?? card.ticket.reservationStatus,
        }),
      };
    }
    case "expired":
      return { tone: "caution", title: r.expired, detail: r.expiredDetail };
    case "performance_cancelled":
      return { tone: "stop", title: r.performance_cancelled, detail: r.performanceCancelledDetail };
    case "wrong_performance":
      return {
        tone: "caution",
        title: r.wrong_performance,
        detail: fill(r.wrongPerformanceDetail, {
          show: card.ticket.showTitle,
          when: formatDateTime(new Date(card.ticket.startsAt), locale, timeZone),
        }),
      };
    case "token_not_found":
      return { tone: "stop", title: r.token_not_found, detail: r.tokenNotFoundDetail };
    case "unreadable":
      return { tone: "caution", title: r.unreadable, detail: r.unreadableDetail };
    case "rate_limited":
      return { tone: "caution", title: r.rate_limited, detail: r.rateLimitedDetail };
    case "session":
      return { tone: "caution", title: r.session, detail: r.sessionDetail };
    case "network":
      return { tone: "caution", title: r.network, detail: r.networkDetail };
  }
}

export function CheckInResultCard(props: Props) {
  // The live region stays mounted so screen readers announce each new result.
  return (
    <div role="status" aria-live="assertive" aria-atomic="true">
      {props.card ? (
        <CardBody
          // A new card starts with "all seats" chosen again.
          key={props.card.kind === "valid" ? props.card.nonce : props.card.kind}
          {...props}
          card={props.card}
        />
      ) : (
        props.undoMessage && (
          <p className="rounded-md border border-line bg-white p-3 font-semibold">
            {props.undoMessage}
          </p>
        )
      )}
    </div>
  );
}

function CardBody({
  card,
  t,
  locale,
  timeZone,
  busy,
  admitRef,
  onAdmit,
  onUndo,
  undoMessage,
  isAdmin,
  undoMinutes,
}: Props & { card: CardState }) {
  const { tone, title, detail } = describe(card, t, locale, timeZone);
  const ticket = "ticket" in card ? card.ticket : null;
  const seatsLeft = ticket ? ticket.partySize - ticket.seatsIn : 0;
  const [seats, setSeats] = useState(seatsLeft);
  const showsPeople =
    ticket &&
    (card.kind === "valid" || card.kind === "checked_in" || card.kind === "already_checked_in");
  return (
    <section
      aria-label={title}
      data-result={card.kind}
      className={`space-y-3 rounded-xl border-4 p-4 shadow-md ${TONE_CLASSES[tone]}`}
    >
      <h2 className="font-sans text-2xl font-bold text-inherit">{title}</h2>
      {detail && <p className="text-lg font-medium">{detail}</p>}
      {ticket && showsPeople && (
        <div className="space-y-1">
          {ticket.name && (
            <p className="text-2xl font-bold break-words" data-testid="door-name">
              {ticket.name}
            </p>
          )}
          <p className="text-4xl font-extrabold">
            {fill(t.partySize, { count: ticket.partySize }, locale)}
          </p>
          {ticket.seatsIn > 0 && (
            <p className="text-lg font-semibold" data-testid="door-seats-in">
              {fill(t.seatsIn, { seatsIn: ticket.seatsIn, partySize: ticket.partySize })}
            </p>
          )}
          {ticket.accessibility && (
            <p
              className="inline-block rounded-md bg-white px-2 py-1 font-bold text-ink"
              data-testid="door-accessibility"
            >
              <span aria-hidden="true">♿ </span>
              {t.accessibility}
            </p>
          )}
          {ticket.notes && (
            <p className="rounded-md bg-white/15 p-2 break-words">
              <span className="font-semibold">{t.notesLabel}:</span> {ticket.notes}
            </p>
          )}
          <p className="text-base">
            {t.codeLabel}{" "}
            <span className="font-mono font-bold tracking-wider">
              {formatBookingCode(ticket.bookingCode)}
            </span>{" "}
            · {ticket.showTitle} · {formatDateTime(new Date(ticket.startsAt), locale, timeZone)}
          </p>
        </div>
      )}
      {card.kind === "valid" && (
        <div className="space-y-3">
          {seatsLeft > 1 && (
            <fieldset className="space-y-1">
              <legend className="font-semibold">{t.admitSome}</legend>
              <div className="flex flex-wrap gap-2">
                {Array.from({ length: seatsLeft }, (_, i) => i + 1).map((n) => (
                  <label
                    key={n}
                    className="flex min-h-11 min-w-11 cursor-pointer items-center justify-center rounded-md border-2 border-white px-3 text-lg font-bold has-checked:bg-white has-checked:text-ink"
                  >
                    <input
                      type="radio"
                      name="door-seats"
                      value={n}
                      checked={seats === n}
                      onChange={() => setSeats(n)}
                      className="sr-only"
                    />
                    {n === seatsLeft ? `${n} · ${t.admitAll}` : n}
                  </label>
                ))}
              </div>
            </fieldset>
          )}
          <button
            ref={admitRef}
            type="button"
            onClick={() => onAdmit(seats, card.doorsOpenAt !== null)}
            disabled={busy !== null}
            className="w-full rounded-lg bg-white px-4 py-4 text-2xl font-extrabold text-ink shadow hover:bg-paper disabled:opacity-70"
          >
            {busy === "admitting"
              ? t.admitting
              : card.doorsOpenAt
                ? t.admitAnyway
                : fill(t.admit, { count: seats }, locale)}
          </button>
        </div>
      )}
      {ticket?.lastAdmission &&
        (card.kind === "checked_in" ||
          card.kind === "already_checked_in" ||
          card.kind === "valid") &&
        (isAdmin ||
          card.kind === "checked_in" ||
          ticket.lastAdmission.ageMs < undoMinutes * 60_000) && (
          <div className="space-y-2">
            <button
              type="button"
              onClick={() => onUndo(ticket.lastAdmission!.id)}
              disabled={busy !== null}
              className="min-h-11 rounded-md border-2 border-white px-4 font-semibold disabled:opacity-70"
            >
              {busy === "undoing" ? t.undoing : t.undo}
            </button>
          </div>
        )}
      {undoMessage && <p className="font-semibold">{undoMessage}</p>}
      {card.kind === "session" && (
        <Link
          href="/login?callbackUrl=%2Fstaff%2Fcheck-in"
          className="font-semibold text-white underline"
        >
          {t.result.signInAgain}
        </Link>
      )}
    </section>
  );
}
