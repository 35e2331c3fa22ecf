"use client";

import { useState, type FormEvent } from "react";
import { requestLostTicket } from "@/actions/lost-ticket";
import { Button } from "@/components/ui/button";
import { describedBy, Field, inputClass } from "@/components/ui/field";
import type { PublicMessages } from "@/lib/i18n/messages/public";
import { lostTicketInput } from "@/lib/reservations/lost-ticket-input";

type Text = PublicMessages["lost"];

/** The error of an address as the schema the server uses sees it; none when it is fine. */
function emailError(email: string, t: Text): string | undefined {
  if (email.trim() === "") return t.required;
  return lostTicketInput.safeParse({ email }).success ? undefined : t.invalid;
}

/**
 * "Lost your ticket?": a plain server-action form (it works before JavaScript loads; the
 * server's refusal comes back next to the field). With JavaScript the same zod schema
 * checks the address as the booking form does: when the field is left, then as it is
 * corrected, and on submit, with the message next to the field and no browser pop-up.
 */
export function LostTicketForm({ t, serverError }: { t: Text; serverError?: string }) {
  const [error, setError] = useState<string | undefined>(serverError);
  const [touched, setTouched] = useState(Boolean(serverError));
  const id = "lost-email";

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    const email = String(new FormData(event.currentTarget).get("email") ?? "");
    const problem = emailError(email, t);
    setTouched(true);
    setError(problem);
    if (problem) {
      event.preventDefault();
      document.getElementById(id)?.focus();
    }
  };

  return (
    <form action={requestLostTicket} onSubmit={onSubmit} noValidate className="space-y-4">
      <Field id={id} label={t.email} error={error}>
        <input
          id={id}
          name="email"
          type="email"
          autoComplete="email"
          inputMode="email"
          maxLength={254}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy(id, false, error)}
          onBlur={(event) => {
            setTouched(true);
            setError(emailError(event.currentTarget.value, t));
          }}
          onChange={(event) => touched && setError(emailError(event.currentTarget.value, t))}
          className={inputClass}
        />
      </Field>
      <Button type="submit" className="w-full sm:w-auto">
        {t.submit}
      </Button>
    </form>
  );
}
