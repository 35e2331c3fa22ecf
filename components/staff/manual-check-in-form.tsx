"use client";

import { useActionState } from "react";
import { checkInReservationManually } from "@/actions/door";
import type { StaffMessages } from "@/lib/i18n/messages/staff";

/** Works without JavaScript too: a plain form posting to the server action. */
export function ManualCheckInForm({ t }: { t: StaffMessages["checkIn"]["manual"] }) {
  const [state, action, pending] = useActionState(checkInReservationManually, null);
  return (
    <section
      aria-labelledby="manual-heading"
      className="space-y-3 rounded-lg border border-line bg-white p-4"
    >
      <h2 id="manual-heading" className="text-xl font-semibold">
        {t.title}
      </h2>
      <p className="text-sm text-ink-muted">{t.intro}</p>
      <form action={action} className="flex flex-wrap items-end gap-2">
        <div className="min-w-0 flex-1 space-y-1">
          <label htmlFor="reservation_id" className="block font-medium">
            {t.label}
          </label>
          <input
            id="reservation_id"
            name="reservation_id"
            inputMode="numeric"
            pattern="[0-9]*"
            required
            className="block w-full rounded-md border border-ink-muted bg-white px-3 py-2.5 text-base"
          />
        </div>
        <button
          type="submit"
          disabled={pending}
          className="rounded-md bg-ink px-4 py-2.5 font-semibold text-white disabled:opacity-70"
        >
          {t.submit}
        </button>
      </form>
      <p
        aria-live="polite"
        className={
          state ? (state.ok ? "font-medium text-success" : "font-medium text-danger") : "sr-only"
        }
      >
        {state?.message}
      </p>
    </section>
  );
}
