"use client";

import Link from "next/link";
import { useActionState, useCallback, useEffect, useRef, useState } from "react";
import {
  acceptOfferAction,
  confirmWaitlistAction,
  leaveWaitlistAction,
  type LeaveOutcome,
  type UnsubscribeOutcome,
  unsubscribeAction,
  type OfferOutcome,
  type WaitlistConfirmOutcome,
} from "@/actions/waitlist";
import { useLocalizedPath } from "@/components/public/document";
import { TicketView, type TicketText } from "@/components/public/ticket-view";
import { useFragmentToken } from "@/components/public/url-fragment-token";
import { Alert } from "@/components/ui/alert";
import { Button, buttonClass } from "@/components/ui/button";
import { fill } from "@/lib/i18n/fill";
import type { AudienceMessages } from "@/lib/i18n/messages/audience";

type PublicText = AudienceMessages["public"];

/**
 * POSTs the fragment's token once to `post` (a server action) and keeps the answer:
 * opening an emailed link is a GET that changes nothing (mail scanners prefetch links).
 */
function usePostedToken<T>(post: (token: string) => Promise<T>, fallback: T, failed: T) {
  const token = useFragmentToken();
  const [outcome, setOutcome] = useState<T | null>(null);
  const handled = useRef(new Set<string | null>());
  useEffect(() => {
    if (token === undefined || handled.current.has(token)) return;
    handled.current.add(token);
    (token ? post(token).catch(() => failed) : Promise.resolve(fallback)).then(setOutcome);
  }, [token, post, fallback, failed]);
  /** Never post `next` (our own switch of the URL to the ticket's). */
  const skip = useCallback((next: string) => void handled.current.add(next), []);
  return { token, outcome, skip };
}

function Focused({ children }: { children: React.ReactNode }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => ref.current?.focus(), []);
  return (
    <div ref={ref} tabIndex={-1} className="space-y-4 outline-none">
      {children}
    </div>
  );
}

function ShowsLink({ label }: { label: string }) {
  const localized = useLocalizedPath();
  return (
    <p>
      <Link href={localized("/shows")} className={buttonClass("secondary")}>
        {label}
      </Link>
    </p>
  );
}

const UNKNOWN: WaitlistConfirmOutcome = { kind: "unknown" };
const CONFIRM_FAILED = { kind: "error" } as const;

/** /waitlist/confirm#token=…: the visitor confirms the address and joins the line. */
export function WaitlistConfirm({ t }: { t: PublicText }) {
  const { outcome } = usePostedToken<WaitlistConfirmOutcome | typeof CONFIRM_FAILED>(
    confirmWaitlistAction,
    UNKNOWN,
    CONFIRM_FAILED,
  );
  if (!outcome) return <p role="status">{t.confirm.working}</p>;
  const ok = ["waiting", "offered", "already_confirmed", "already_offered"].includes(outcome.kind);
  return (
    <Focused>
      <Alert tone={ok ? "success" : "warning"} live>
        {outcome.kind === "waiting"
          ? outcome.position === 1
            ? t.confirm.waitingFirst
            : fill(t.confirm.waitingNth, { position: outcome.position })
          : t.confirm[outcome.kind]}
      </Alert>
      <ShowsLink label={t.shows} />
    </Focused>
  );
}

const OFFER_UNKNOWN: OfferOutcome = { kind: "token_not_found" };
const OFFER_FAILED = { kind: "error" } as const;

/** /waitlist/offer#token=…: the held seats become a reservation, and the ticket is shown. */
export function WaitlistOffer({
  t,
  ticketText,
  calendarFilename,
}: {
  t: PublicText;
  ticketText: TicketText;
  calendarFilename: string;
}) {
  const localized = useLocalizedPath();
  const { token, outcome, skip } = usePostedToken<OfferOutcome | typeof OFFER_FAILED>(
    acceptOfferAction,
    OFFER_UNKNOWN,
    OFFER_FAILED,
  );
  useEffect(() => {
    // A reload now opens the ticket instead of posting a used offer link again.
    if (outcome?.kind !== "booked") return;
    skip(outcome.checkInToken);
    window.history.replaceState(null, "", `/ticket#token=${outcome.checkInToken}`);
  }, [outcome, skip]);
  if (!outcome) return <p role="status">{t.offer.working}</p>;
  if (outcome.kind === "booked")
    return (
      <Focused>
        <Alert tone="success" live>
          {t.offer.booked}
        </Alert>
        <TicketView
          token={outcome.checkInToken}
          initial={outcome.ticket}
          t={ticketText}
          calendarFilename={calendarFilename}
        />
      </Focused>
    );
  const text = outcome.kind === "token_not_found" ? t.offer.unknown : t.offer[outcome.kind];
  return (
    <Focused>
      <Alert tone="warning" live>
        {text}
      </Alert>
      {/* Seats this visitor cannot book stay held until the offer lapses: let them pass them on now. */}
      {outcome.kind === "booking_closed" && token ? (
        <p>
          <Link href={`${localized("/waitlist/leave")}#token=${token}`}>
            {t.offer.leaveInstead}
          </Link>
        </p>
      ) : null}
      {outcome.kind === "already_booked" && outcome.offerHeld && token ? (
        <p>
          <Link href={`${localized("/waitlist/leave")}#token=${token}`}>{t.offer.passOn}</Link>
        </p>
      ) : null}
      <ShowsLink label={t.shows} />
    </Focused>
  );
}

/** /waitlist/leave#token=…: one button (a POST) takes the entry off the list. */
export function WaitlistLeave({ t }: { t: PublicText }) {
  const token = useFragmentToken();
  const [state, formAction, pending] = useActionState<LeaveOutcome, FormData>(leaveWaitlistAction, {
    kind: "idle",
  });
  if (state.kind !== "idle")
    return (
      <Focused>
        <Alert
          tone={state.kind === "left" || state.kind === "declined" ? "success" : "warning"}
          live
        >
          {t.leave[state.kind]}
        </Alert>
        <ShowsLink label={t.shows} />
      </Focused>
    );
  return (
    <form action={formAction} className="space-y-4">
      <p>{t.leave.intro}</p>
      <input type="hidden" name="token" value={token ?? ""} />
      <Button type="submit" variant="danger" disabled={pending || !token}>
        {pending ? t.leave.submitting : t.leave.submit}
      </Button>
    </form>
  );
}

/** /unsubscribe#token=…: one button (a POST) stops reminders and messages for a reservation. */
export function Unsubscribe({ t }: { t: PublicText }) {
  const token = useFragmentToken();
  const [state, formAction, pending] = useActionState<UnsubscribeOutcome, FormData>(
    unsubscribeAction,
    { kind: "idle" },
  );
  if (state.kind !== "idle")
    return (
      <Focused>
        <Alert tone={state.kind === "done" ? "success" : "warning"} live>
          {t.unsubscribe[state.kind]}
        </Alert>
        <ShowsLink label={t.shows} />
      </Focused>
    );
  return (
    <form action={formAction} className="space-y-4">
      <p>{t.unsubscribe.intro}</p>
      <input type="hidden" name="token" value={token ?? ""} />
      <Button type="submit" disabled={pending || !token}>
        {t.unsubscribe.submit}
      </Button>
    </form>
  );
}
