"use client";

import Link from "next/link";
import type { RefObject } from "react";
import { formatDate, formatDateTime, formatTime } from "@/lib/i18n/format";
import type { Locale } from "@/lib/i18n/locale";
import { fill, type StaffMessages } from "@/lib/i18n/messages/staff";

export type DoorTicket = { showTitle: string; startsAt: string; partySize: number };

/** Everything the door can be told about one scan; no visitor name, email or phone ever reaches it. */
export type CardState =
  | { kind: "valid"; ticket: DoorTicket; token: string; nonce: string }
  | { kind: "checked_in"; ticket: DoorTicket }
  | { kind: "already_checked_in"; ticket: DoorTicket; checkedInAt: string; checkedInBy: string }
  | { kind: "wrong_performance" | "reservation_not_confirmed" | "expired"; ticket: DoorTicket }
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
  busy: "checking" | "admitting" | null;
  admitRef: RefObject<HTMLButtonElement | null>;
  onAdmit: () => void;
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
      return { tone: "good", title: r.valid };
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
    case "reservation_not_confirmed":
      return {
        tone: "stop",
        title: r.reservation_not_confirmed,
        detail: r.reservationNotConfirmedDetail,
      };
    case "expired":
      return { tone: "caution", title: r.expired, detail: r.expiredDetail };
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

export function CheckInResultCard({ card, t, locale, timeZone, busy, admitRef, onAdmit }: Props) {
  // The live region stays mounted so screen readers announce each new result.
  return (
    <div role="status" aria-live="assertive" aria-atomic="true">
      {card && (
        <CardBody
          card={card}
          t={t}
          locale={locale}
          timeZone={timeZone}
          busy={busy}
          admitRef={admitRef}
          onAdmit={onAdmit}
        />
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
}: Props & { card: CardState }) {
  const { tone, title, detail } = describe(card, t, locale, timeZone);
  const ticket = "ticket" in card ? card.ticket : null;
  return (
    <section
      aria-label={title}
      data-result={card.kind}
      className={`space-y-3 rounded-xl border-4 p-5 shadow-md ${TONE_CLASSES[tone]}`}
    >
      <h2 className="font-sans text-3xl font-bold text-inherit">{title}</h2>
      {ticket && card.kind !== "wrong_performance" && (
        <div className="space-y-1">
          <p className="text-5xl font-extrabold">
            {ticket.partySize === 1
              ? t.partySizeOne
              : fill(t.partySize, { count: ticket.partySize })}
          </p>
          <p className="text-lg">
            {ticket.showTitle} · {formatDateTime(new Date(ticket.startsAt), locale, timeZone)}
          </p>
        </div>
      )}
      {detail && <p className="text-lg font-medium">{detail}</p>}
      {card.kind === "valid" && (
        <button
          ref={admitRef}
          type="button"
          onClick={onAdmit}
          disabled={busy !== null}
          className="w-full rounded-lg bg-white px-4 py-5 text-2xl font-extrabold text-success shadow hover:bg-paper disabled:opacity-70"
        >
          {busy === "admitting" ? t.admitting : fill(t.admit, { count: card.ticket.partySize })}
        </button>
      )}
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
