"use client";

import { useActionState, useMemo, type FormEvent } from "react";
import { requestLostTicket, type LostTicketState } from "@/actions/lost-ticket";
import { useInlineValidation, type FieldCodes } from "@/components/public/use-inline-validation";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { describedBy, Field, inputClass } from "@/components/ui/field";
import type { PublicMessages } from "@/lib/i18n/messages/public";
import { lostTicketInput } from "@/lib/reservations/lost-ticket-input";

type Text = PublicMessages["lost"];

/** The address as the server's schema sees it: no code when it is fine. */
function check(form: HTMLFormElement): FieldCodes<"email"> {
  const parsed = lostTicketInput.safeParse({ email: new FormData(form).get("email") ?? "" });
  return parsed.success ? {} : { email: parsed.error.issues[0]?.message };
}

const NO_CODES: FieldCodes<"email"> = {};

/**
 * "Lost your ticket?": a server-action form that works before JavaScript loads (the
 * server's refusal comes back next to the field, with the address as typed). With
 * JavaScript the same zod schema checks the address as the booking form does
 * (components/public/use-inline-validation.ts): when the field is left, then as it is
 * corrected, and on submit, with the message next to the field and no browser pop-up.
 */
export function LostTicketForm({ t }: { t: Text }) {
  const [state, formAction] = useActionState<LostTicketState, FormData>(requestLostTicket, {
    status: "idle",
  });
  const serverCodes = useMemo(
    () => (state.status === "invalid" ? { email: state.code } : NO_CODES),
    [state],
  );
  const validation = useInlineValidation(check, serverCodes);
  const code = validation.codeOf("email");
  const error = code === undefined ? undefined : code === "required" ? t.required : t.invalid;
  const id = "lost-email";

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    if (!validation.submit(event.currentTarget, ["email"])) event.preventDefault();
  };

  return (
    <form
      action={formAction}
      onSubmit={onSubmit}
      onBlur={validation.onBlur}
      onChange={validation.onChange}
      noValidate
      className="space-y-4"
    >
      {state.status === "rate_limited" ? (
        <Alert tone="warning" live>
          {t.rate_limited}
        </Alert>
      ) : null}
      <Field id={id} label={t.email} error={error}>
        <input
          id={id}
          name="email"
          type="email"
          autoComplete="email"
          inputMode="email"
          maxLength={254}
          // After a refusal the form resets to this: what was typed.
          defaultValue={state.status === "idle" ? "" : state.email}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy(id, false, error)}
          className={inputClass}
        />
      </Field>
      <Button type="submit" className="w-full sm:w-auto">
        {t.submit}
      </Button>
    </form>
  );
}
