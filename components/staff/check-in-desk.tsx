"use client";

import { useCallback, useEffect, useRef, useState, type FormEvent } from "react";
import { CameraScanner } from "@/components/staff/camera-scanner";
import { CheckInResultCard, type CardState } from "@/components/staff/check-in-result-card";
import {
  postCheckIn,
  postUndo,
  searchDoor,
  type DeskTarget,
  type SearchHit,
} from "@/components/staff/post-check-in";
import { parseBookingCode } from "@/lib/check-ins/booking-code";
import type { Locale } from "@/lib/i18n/locale";
import { fill, type StaffMessages } from "@/lib/i18n/messages/staff";
import { feedback } from "@/components/staff/scan-feedback";

/**
 * `label`: date and time first, so a narrow select cuts the title, never the time.
 * `cancelled`: shown so the door knows, but it cannot be picked.
 */
export type DeskPerformance = {
  id: number;
  label: string;
  full: string;
  doors: string;
  cancelled: boolean;
};

type Props = {
  t: StaffMessages["checkIn"];
  locale: Locale;
  timeZone: string;
  performances: DeskPerformance[];
  initialPerformanceId: number | null;
  isAdmin: boolean;
  undoMinutes: number;
};

type Counts = { performanceId: number; checkedIn: number; confirmed: number };

const COUNTER_REFRESH_MS = 20_000;
// The same code seen again within this time is the same ticket still in front of the camera.
const SAME_CODE_QUIET_MS = 5_000;

export function CheckInDesk({
  t,
  locale,
  timeZone,
  performances,
  initialPerformanceId,
  isAdmin,
  undoMinutes,
}: Props) {
  const [performanceId, setPerformanceId] = useState(initialPerformanceId);
  const [code, setCode] = useState("");
  const [card, setCard] = useState<CardState | null>(null);
  const [busy, setBusy] = useState<"checking" | "admitting" | "undoing" | null>(null);
  const [hits, setHits] = useState<{ query: string; hits: SearchHit[] } | null>(null);
  const [undoMessage, setUndoMessage] = useState<string | null>(null);
  const [counts, setCounts] = useState<Counts | null>(null);
  const lastScan = useRef<{ text: string; at: number } | null>(null);
  const busyRef = useRef(false);
  const inputRef = useRef<HTMLInputElement>(null);
  const admitRef = useRef<HTMLButtonElement>(null);

  const refreshCounts = useCallback(async () => {
    if (performanceId === null) return;
    try {
      const response = await fetch(`/api/check-ins/counts?performance_id=${performanceId}`, {
        cache: "no-store",
      });
      if (!response.ok) return;
      const body = (await response.json()) as { checked_in_seats: number; confirmed_seats: number };
      setCounts({
        performanceId,
        checkedIn: body.checked_in_seats,
        confirmed: body.confirmed_seats,
      });
    } catch {
      // The counter is a convenience: it catches up on the next refresh.
    }
  }, [performanceId]);

  useEffect(() => {
    // Reading from the server is the point of this effect: the counter is shared by every door.
    // eslint-disable-next-line react-hooks/set-state-in-effect -- fetch-then-set, not a derived value
    void refreshCounts();
    const timer = setInterval(() => void refreshCounts(), COUNTER_REFRESH_MS);
    return () => clearInterval(timer);
  }, [refreshCounts]);

  const check = useCallback(
    async (target: DeskTarget) => {
      if (busyRef.current) return;
      busyRef.current = true;
      setBusy("checking");
      setUndoMessage(null);
      const result = await postCheckIn("preview", { target, performanceId });
      busyRef.current = false;
      setBusy(null);
      setHits(null);
      setCard(result);
      feedback(result.kind === "valid" ? "good" : "bad");
      return result;
    },
    [performanceId],
  );

  // Focus follows the result: Admit when the ticket is valid, the code field otherwise.
  useEffect(() => {
    if (card?.kind === "valid") admitRef.current?.focus();
  }, [card]);

  async function admit(seats: number, overrideWindow: boolean) {
    if (card?.kind !== "valid" || busyRef.current) return;
    busyRef.current = true;
    setBusy("admitting");
    const result = await postCheckIn("confirm", {
      target: card.target,
      performanceId,
      nonce: card.nonce,
      seats,
      overrideWindow,
    });
    busyRef.current = false;
    setBusy(null);
    setCard(result);
    feedback(result.kind === "checked_in" ? "good" : "bad");
    setCode("");
    inputRef.current?.focus();
    void refreshCounts();
  }

  async function undo(admissionId: number) {
    if (busyRef.current) return;
    busyRef.current = true;
    setBusy("undoing");
    const result = await postUndo(admissionId);
    busyRef.current = false;
    setBusy(null);
    setUndoMessage(
      result.ok
        ? fill(t.undone, { count: result.seats }, locale)
        : fill(t.undoFailed, {
            reason:
              result.reason === "undo_window_closed"
                ? t.undoTooLate
                : result.reason === "already_undone"
                  ? t.undoAlready
                  : t.result.networkDetail,
          }),
    );
    if (result.ok) setCard(null);
    void refreshCounts();
  }

  async function search(query: string) {
    if (performanceId === null || busyRef.current) return;
    busyRef.current = true;
    setBusy("checking");
    const result = await searchDoor(performanceId, query);
    busyRef.current = false;
    setBusy(null);
    setCard(result.ok ? null : result.card);
    setHits(result.ok ? { query, hits: result.hits } : null);
  }

  // One field for everything staff can type: a pasted ticket link or token, a booking
  // code, or part of a name.
  function onSubmit(event: FormEvent) {
    event.preventDefault();
    const typed = code.trim();
    if (!typed) return;
    setUndoMessage(null);
    const bookingCode = parseBookingCode(typed);
    const looksLikeToken = /token=|^[A-Za-z0-9_-]{40,}$/.test(typed);
    // A refused typed code stays selected, so the next paste or code replaces it (and a
    // typo can still be corrected). Not after camera scans: focusing the field would
    // open the phone's keyboard over the camera.
    if (looksLikeToken || bookingCode)
      void check(looksLikeToken ? { token: typed, source: "link" } : { code: bookingCode! }).then(
        (result) => {
          if (result && result.kind !== "valid") inputRef.current?.select();
        },
      );
    else if ([...typed].length >= 2) void search(typed);
    else {
      setCard(null);
      setHits({ query: typed, hits: [] });
    }
  }

  const onScan = useCallback(
    (text: string) => {
      // While a ticket is being checked or admitted, frames are dropped unrecorded, so the
      // code still in front of the camera is picked up as soon as the desk is free.
      if (busyRef.current) return;
      const now = Date.now();
      const previous = lastScan.current;
      lastScan.current = { text, at: now };
      if (previous && previous.text === text && now - previous.at < SAME_CODE_QUIET_MS) return;
      void check({ token: text, source: "qr_scan" });
    },
    [check],
  );

  function choosePerformance(id: number) {
    setPerformanceId(id);
    setCard(null);
    setHits(null);
    setUndoMessage(null);
    const url = new URL(window.location.href);
    url.searchParams.set("performance", String(id));
    window.history.replaceState(null, "", url);
  }

  const chosen = performances.find((p) => p.id === performanceId);
  return (
    <div className="space-y-4">
      {performances.length === 0 ? (
        <p className="rounded-md border border-line bg-white p-3">{t.noPerformances}</p>
      ) : (
        <div className="space-y-1">
          <label htmlFor="performance" className="block font-medium">
            {t.performance}
          </label>
          <select
            id="performance"
            value={performanceId ?? ""}
            onChange={(event) => choosePerformance(Number(event.target.value))}
            className="block w-full rounded-md border border-ink-muted bg-white px-3 py-3 text-base"
          >
            {performanceId === null && (
              <option value="" disabled>
                {t.noneOn}
              </option>
            )}
            {performances.map((performance) => (
              <option key={performance.id} value={performance.id} disabled={performance.cancelled}>
                {performance.label}
              </option>
            ))}
          </select>
          {chosen && (
            <p className="text-sm" data-testid="door-performance">
              <span className="font-semibold">{chosen.full}</span> · {chosen.doors}
            </p>
          )}
          <p className="text-lg font-semibold" data-testid="door-counter">
            {counts?.performanceId === performanceId
              ? fill(t.counter, { checkedIn: counts.checkedIn, confirmed: counts.confirmed })
              : "\u00a0"}
          </p>
        </div>
      )}

      <form onSubmit={onSubmit} className="space-y-1">
        <label htmlFor="ticket-code" className="block font-medium">
          {t.manualLabel}
        </label>
        <p id="ticket-code-hint" className="text-sm text-ink-muted">
          {t.manualHint}
        </p>
        <div className="flex gap-2">
          <input
            ref={inputRef}
            id="ticket-code"
            name="ticket-code"
            value={code}
            onChange={(event) => setCode(event.target.value)}
            aria-describedby="ticket-code-hint"
            autoComplete="off"
            autoCapitalize="off"
            autoCorrect="off"
            spellCheck={false}
            enterKeyHint="search"
            className="min-w-0 flex-1 rounded-md border border-ink-muted bg-white px-3 py-3 text-base"
          />
          <button
            type="submit"
            disabled={busy !== null}
            className="rounded-md bg-ink px-4 py-3 font-semibold text-white disabled:opacity-70"
          >
            {busy === "checking" ? t.checking : t.check}
          </button>
        </div>
      </form>

      {hits && (
        <section aria-live="polite" aria-label={fill(t.searchResults, { query: hits.query })}>
          {[...hits.query].length < 2 ? (
            <p>{t.searchShort}</p>
          ) : hits.hits.length === 0 ? (
            <p>{t.searchNone}</p>
          ) : (
            <ul
              className="divide-y divide-line rounded-md border border-line bg-white"
              data-testid="door-search-results"
            >
              {hits.hits.map((hit) => (
                <li key={hit.reservationId}>
                  <button
                    type="button"
                    onClick={() => void check({ reservationId: hit.reservationId })}
                    className="flex min-h-12 w-full items-center justify-between gap-2 px-3 py-2 text-left hover:bg-paper-sunken"
                  >
                    <span className="min-w-0">
                      <span className="block font-semibold break-words">{hit.name}</span>
                      <span className="block text-sm text-ink-muted">
                        {fill(
                          t.searchParty,
                          { partySize: hit.partySize, seatsIn: hit.seatsIn },
                          locale,
                        )}{" "}
                        · <span className="font-mono">{hit.bookingCode}</span>
                      </span>
                    </span>
                    <span className="shrink-0 font-semibold text-accent">{t.searchPick}</span>
                  </button>
                </li>
              ))}
            </ul>
          )}
        </section>
      )}

      <CheckInResultCard
        card={card}
        t={t}
        locale={locale}
        timeZone={timeZone}
        busy={busy}
        admitRef={admitRef}
        onAdmit={(seats, overrideWindow) => void admit(seats, overrideWindow)}
        onUndo={(admissionId) => void undo(admissionId)}
        undoMessage={undoMessage}
        isAdmin={isAdmin}
        undoMinutes={undoMinutes}
      />

      <CameraScanner t={t} onScan={onScan} />
    </div>
  );
}
