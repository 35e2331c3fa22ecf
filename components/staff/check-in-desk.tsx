"use client";

import { useCallback, useEffect, useRef, useState, type FormEvent } from "react";
import { CameraScanner } from "@/components/staff/camera-scanner";
import { CheckInResultCard, type CardState } from "@/components/staff/check-in-result-card";
import { postCheckIn } from "@/components/staff/post-check-in";
import type { Locale } from "@/lib/i18n/locale";
import { fill, type StaffMessages } from "@/lib/i18n/messages/staff";
import { feedback } from "@/components/staff/scan-feedback";

export type DeskPerformance = { id: number; label: string };

type Props = {
  t: StaffMessages["checkIn"];
  locale: Locale;
  timeZone: string;
  performances: DeskPerformance[];
  initialPerformanceId: number | null;
};

type Counts = { performanceId: number; checkedIn: number; confirmed: number };

const COUNTER_REFRESH_MS = 20_000;
// The same code seen again within this time is the same ticket still in front of the camera.
const SAME_CODE_QUIET_MS = 5_000;

export function CheckInDesk({ t, locale, timeZone, performances, initialPerformanceId }: Props) {
  const [performanceId, setPerformanceId] = useState(initialPerformanceId);
  const [code, setCode] = useState("");
  const [card, setCard] = useState<CardState | null>(null);
  const [busy, setBusy] = useState<"checking" | "admitting" | null>(null);
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
    async (raw: string) => {
      if (busyRef.current) return;
      busyRef.current = true;
      setBusy("checking");
      const result = await postCheckIn("preview", { token: raw, performanceId });
      busyRef.current = false;
      setBusy(null);
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

  async function admit() {
    if (card?.kind !== "valid" || busyRef.current) return;
    busyRef.current = true;
    setBusy("admitting");
    const result = await postCheckIn("confirm", {
      token: card.token,
      performanceId,
      nonce: card.nonce,
    });
    busyRef.current = false;
    setBusy(null);
    setCard(result);
    feedback(result.kind === "checked_in" ? "good" : "bad");
    setCode("");
    inputRef.current?.focus();
    void refreshCounts();
  }

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    // A refused typed code stays selected, so the next paste or code replaces it (and a
    // typo can still be corrected). Not after camera scans: focusing the field would
    // open the phone's keyboard over the camera.
    if (code.trim())
      void check(code).then((result) => {
        if (result && result.kind !== "valid") inputRef.current?.select();
      });
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
      void check(text);
    },
    [check],
  );

  function choosePerformance(id: number) {
    setPerformanceId(id);
    setCard(null);
    const url = new URL(window.location.href);
    url.searchParams.set("performance", String(id));
    window.history.replaceState(null, "", url);
  }

  return (
    <div className="space-y-5">
      {performances.length === 0 ? (
        <p className="rounded-md border border-line bg-white p-3">{t.noPerformances}</p>
      ) : (
        <div className="space-y-2">
          <label htmlFor="performance" className="block font-medium">
            {t.performance}
          </label>
          <select
            id="performance"
            value={performanceId ?? undefined}
            onChange={(event) => choosePerformance(Number(event.target.value))}
            className="block w-full rounded-md border border-ink-muted bg-white px-3 py-3 text-base"
          >
            {performances.map((performance) => (
              <option key={performance.id} value={performance.id}>
                {performance.label}
              </option>
            ))}
          </select>
          <p className="text-lg font-semibold" data-testid="door-counter">
            {counts?.performanceId === performanceId
              ? fill(t.counter, { checkedIn: counts.checkedIn, confirmed: counts.confirmed })
              : "\u00a0"}
          </p>
        </div>
      )}

      <CheckInResultCard
        card={card}
        t={t}
        locale={locale}
        timeZone={timeZone}
        busy={busy}
        admitRef={admitRef}
        onAdmit={admit}
      />

      <CameraScanner t={t} onScan={onScan} />

      <form onSubmit={onSubmit} className="space-y-2">
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
    </div>
  );
}
