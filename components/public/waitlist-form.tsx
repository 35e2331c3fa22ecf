"use client";

import Link from "next/link";
import { useActionState, useEffect, useRef } from "react";
import type { WaitlistFormState } from "@/actions/waitlist";
import { useLocalizedPath } from "@/components/public/document";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { describedBy, Field, FieldError, inputClass } from "@/components/ui/field";
import { fill } from "@/lib/i18n/fill";
import type { PublicMessages } from "@/lib/i18n/messages/public";
import type { AudienceMessages } from "@/lib/i18n/messages/audience";
import type { WaitlistJoinFields } from "@/lib/waitlist/join-input";

export type WaitlistFormText = {
  join: AudienceMessages["public"]["join"];
  fieldErrors: PublicMessages["fieldErrors"];
  required: string;
  privacyLink: string;
};

const EMPTY: Record<WaitlistJoinFields, string | boolean> = {
  name: "",
  email: "",
  party_size: "",
  privacy_consent: false,
};

/**
 * "Join the waiting list": a plain form posting to its server action, so it works before
 * JavaScript loads (the page comes back with the errors next to the fields); the server
 * checks everything with the same schema as the booking.
 */
export function WaitlistForm({
  action,
  maxPartySize,
  defaultPartySize,
  intro,
  t,
}: {
  action: (state: WaitlistFormState, formData: FormData) => Promise<WaitlistFormState>;
  maxPartySize: number;
  defaultPartySize: number;
  intro: string;
  t: WaitlistFormText;
}) {
  const [state, formAction, pending] = useActionState(action, { status: "idle" });
  const localized = useLocalizedPath();
  const message = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (state.status !== "idle") message.current?.focus();
  }, [state]);

  if (state.status === "sent")
    return (
      <div ref={message} tabIndex={-1} className="outline-none">
        <Alert tone="success" live>
          <p className="font-semibold">{t.join.sentTitle}</p>
          <p className="mt-1">{fill(t.join.sent, { email: state.email })}</p>
        </Alert>
      </div>
    );

  const values = state.status === "invalid" ? state.values : EMPTY;
  const errors = state.status === "invalid" ? state.errors : {};
  const errorOf = (field: WaitlistJoinFields) => {
    const code = errors[field];
    if (!code) return undefined;
    if (code === "privacy_required") return t.join.privacyRequired;
    const text = t.fieldErrors[code as keyof typeof t.fieldErrors] ?? t.fieldErrors.required;
    return fill(text, { max: maxPartySize });
  };
  const refusal = state.status === "invalid" ? state.refusal : undefined;
  const id = (field: string) => `waitlist-${field}`;

  return (
    <form action={formAction} noValidate className="space-y-5">
      <p>{intro}</p>
      {refusal ? (
        <div ref={message} tabIndex={-1} className="outline-none">
          <Alert tone="warning" live>
            {fill(t.join.refusals[refusal], {
              minutes: state.status === "invalid" ? (state.retryAfterMinutes ?? 10) : 10,
            })}
          </Alert>
        </div>
      ) : null}
      <Field
        id={id("name")}
        label={t.join.name}
        error={errorOf("name")}
        required
        requiredLabel={t.required}
      >
        <input
          id={id("name")}
          name="name"
          defaultValue={String(values.name)}
          aria-invalid={Boolean(errorOf("name"))}
          aria-describedby={describedBy(id("name"), false, errorOf("name"))}
          autoComplete="name"
          required
          maxLength={200}
          className={inputClass}
        />
      </Field>
      <Field
        id={id("email")}
        label={t.join.email}
        error={errorOf("email")}
        required
        requiredLabel={t.required}
      >
        <input
          id={id("email")}
          name="email"
          type="email"
          defaultValue={String(values.email)}
          aria-invalid={Boolean(errorOf("email"))}
          aria-describedby={describedBy(id("email"), false, errorOf("email"))}
          autoComplete="email"
          inputMode="email"
          required
          maxLength={254}
          className={inputClass}
        />
      </Field>
      <Field
        id={id("party_size")}
        label={t.join.partySize}
        error={errorOf("party_size")}
        required
        requiredLabel={t.required}
      >
        <select
          id={id("party_size")}
          name="party_size"
          defaultValue={String(values.party_size || defaultPartySize)}
          aria-invalid={Boolean(errorOf("party_size"))}
          aria-describedby={describedBy(id("party_size"), false, errorOf("party_size"))}
          className={`${inputClass} max-w-40`}
        >
          {Array.from({ length: maxPartySize }, (_, i) => i + 1).map((n) => (
            <option key={n} value={n}>
              {n}
            </option>
          ))}
        </select>
      </Field>
      <div className="space-y-1.5">
        <div className="flex items-start gap-3">
          <input
            id={id("privacy_consent")}
            name="privacy_consent"
            type="checkbox"
            defaultChecked={values.privacy_consent === true}
            aria-invalid={Boolean(errorOf("privacy_consent"))}
            aria-describedby={describedBy(id("privacy_consent"), false, errorOf("privacy_consent"))}
            required
            className="mt-1 size-6 shrink-0 accent-accent"
          />
          <label htmlFor={id("privacy_consent")}>
            {t.join.privacy}{" "}
            <Link href={localized("/privacy")} target="_blank">
              {t.privacyLink}
            </Link>
          </label>
        </div>
        <FieldError id={id("privacy_consent")} error={errorOf("privacy_consent")} />
      </div>
      <Button type="submit" variant="primary" disabled={pending} className="w-full sm:w-auto">
        {pending ? t.join.submitting : t.join.submit}
      </Button>
    </form>
  );
}
