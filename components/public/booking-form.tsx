"use client";

import { useLocalizedPath } from "@/components/public/document";
import Link from "next/link";
import { useActionState, useEffect, useRef, useTransition, type FormEvent } from "react";
import type { BookingFormState } from "@/actions/booking";
import { useInlineValidation } from "@/components/public/use-inline-validation";
import { Alert } from "@/components/ui/alert";
import { useEnhanced } from "@/components/ui/use-enhanced";
import { Button } from "@/components/ui/button";
import { describedBy, Field, FieldError, inputClass } from "@/components/ui/field";
import { fill } from "@/lib/i18n/fill";
import type { PublicMessages } from "@/lib/i18n/messages/public";
import {
  bookingFormValues,
  checkBookingForm,
  PUBLIC_BOOKING_FIELDS,
  type BookingFieldErrors,
  type PublicBookingFields,
} from "@/lib/reservations/public-booking-input";

export type BookingFormText = Pick<PublicMessages, "booking" | "fieldErrors" | "refusals" | "sent">;

type Props = {
  action: (state: BookingFormState, formData: FormData) => Promise<BookingFormState>;
  maxSeats: number;
  maxPartySize: number;
  t: BookingFormText;
};

const NO_ERRORS: BookingFieldErrors = {};

const EMPTY: Record<PublicBookingFields, string | boolean> = {
  name: "",
  email: "",
  phone: "",
  party_size: "1",
  notes: "",
  privacy_consent: false,
};

/**
 * The booking form. The same zod schema checks it here (inline, as each field is left)
 * and again in the server action; without JavaScript it posts to the action and the
 * page comes back with the errors next to the fields.
 */
export function BookingForm({ action, maxSeats, maxPartySize, t }: Props) {
  const [state, formAction, actionPending] = useActionState(action, { status: "idle" });
  const [submitting, startTransition] = useTransition();
  const enhanced = useEnhanced();
  const localized = useLocalizedPath();
  const values = state.status === "invalid" ? state.values : EMPTY;
  const serverErrors = state.status === "invalid" ? state.errors : NO_ERRORS;
  const validation = useInlineValidation((form: HTMLFormElement): BookingFieldErrors => {
    const checked = checkBookingForm(maxSeats, bookingFormValues(new FormData(form)));
    return checked.ok ? {} : checked.errors;
  }, serverErrors);

  if (state.status === "sent")
    return <SentPanel state={state} formAction={formAction} pending={actionPending} t={t} />;

  const message = (code: string | undefined) => {
    if (!code) return undefined;
    const template =
      t.fieldErrors[code as keyof BookingFormText["fieldErrors"]] ?? t.fieldErrors.required;
    return fill(template, {
      max: maxPartySize,
      count: state.status === "invalid" ? (state.seatsLeft ?? 0) : 0,
    });
  };
  const errorOf = (field: PublicBookingFields) =>
    message(enhanced ? validation.codeOf(field) : serverErrors[field]);
  const control = (field: PublicBookingFields) => ({
    id: `booking-${field}`,
    name: field,
    "aria-invalid": errorOf(field) ? true : undefined,
  });

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const formElement = event.currentTarget;
    if (validation.submit(formElement, PUBLIC_BOOKING_FIELDS))
      startTransition(() => formAction(new FormData(formElement)));
  };
  const refusal = state.status === "invalid" ? state.refusal : undefined;
  const hasErrors = state.status === "invalid" && Object.keys(state.errors).length > 0;
  const seatOptions = Array.from({ length: maxSeats }, (_, i) => i + 1);

  return (
    <form
      action={formAction}
      onSubmit={onSubmit}
      onBlur={validation.onBlur}
      onChange={validation.onChange}
      noValidate
      className="space-y-5"
    >
      {refusal ? (
        <Alert tone="danger" live>
          {refusal === "rate_limited"
            ? fill(t.refusals.rate_limited, {
                minutes: state.status === "invalid" ? (state.retryAfterMinutes ?? 10) : 10,
              })
            : t.refusals[refusal]}
        </Alert>
      ) : null}
      {hasErrors ? (
        <Alert tone="danger" live>
          {t.booking.errorSummary}
        </Alert>
      ) : null}
      <fieldset className="space-y-5">
        <legend className="mb-2 text-xl font-semibold">{t.booking.legend}</legend>
        <Field
          id="booking-name"
          label={t.booking.name}
          error={errorOf("name")}
          required
          requiredLabel={t.booking.required}
        >
          <input
            {...control("name")}
            defaultValue={String(values.name)}
            aria-describedby={describedBy("booking-name", false, errorOf("name"))}
            autoComplete="name"
            required
            maxLength={200}
            className={inputClass}
          />
        </Field>
        <Field
          id="booking-email"
          label={t.booking.email}
          hint={t.booking.emailHint}
          error={errorOf("email")}
          required
          requiredLabel={t.booking.required}
        >
          <input
            {...control("email")}
            defaultValue={String(values.email)}
            aria-describedby={describedBy("booking-email", true, errorOf("email"))}
            type="email"
            autoComplete="email"
            inputMode="email"
            required
            maxLength={254}
            className={inputClass}
          />
        </Field>
        <Field id="booking-phone" label={t.booking.phone} error={errorOf("phone")}>
          <input
            {...control("phone")}
            defaultValue={String(values.phone)}
            aria-describedby={describedBy("booking-phone", false, errorOf("phone"))}
            type="tel"
            autoComplete="tel"
            maxLength={40}
            className={inputClass}
          />
        </Field>
        <Field
          id="booking-party_size"
          label={t.booking.partySize}
          hint={fill(t.booking.partySizeHint, { max: maxSeats })}
          error={errorOf("party_size")}
          required
          requiredLabel={t.booking.required}
        >
          <select
            {...control("party_size")}
            defaultValue={String(values.party_size)}
            aria-describedby={describedBy("booking-party_size", true, errorOf("party_size"))}
            className={`${inputClass} max-w-40`}
          >
            {seatOptions.map((n) => (
              <option key={n} value={n}>
                {n}
              </option>
            ))}
          </select>
        </Field>
        <Field
          id="booking-notes"
          label={t.booking.notes}
          hint={t.booking.notesHint}
          error={errorOf("notes")}
        >
          <textarea
            {...control("notes")}
            defaultValue={String(values.notes)}
            aria-describedby={describedBy("booking-notes", true, errorOf("notes"))}
            rows={3}
            maxLength={1000}
            className={inputClass}
          />
        </Field>
        <div className="space-y-1.5">
          <div className="flex items-start gap-3">
            <input
              {...control("privacy_consent")}
              defaultChecked={values.privacy_consent === true}
              aria-describedby={describedBy(
                "booking-privacy_consent",
                false,
                errorOf("privacy_consent"),
              )}
              type="checkbox"
              required
              className="mt-1 size-6 shrink-0 accent-accent"
            />
            <label htmlFor="booking-privacy_consent">
              {t.booking.privacy}{" "}
              <Link href={localized("/privacy")} target="_blank">
                {t.booking.privacyLink}
              </Link>
            </label>
          </div>
          <FieldError id="booking-privacy_consent" error={errorOf("privacy_consent")} />
        </div>
      </fieldset>
      <Button type="submit" disabled={submitting} className="w-full sm:w-auto">
        {submitting ? t.booking.submitting : t.booking.submit}
      </Button>
    </form>
  );
}

function SentPanel({
  state,
  formAction,
  pending,
  t,
}: {
  state: Extract<BookingFormState, { status: "sent" }>;
  formAction: (formData: FormData) => void;
  pending: boolean;
  t: BookingFormText;
}) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const { resend } = state;
  // Without JavaScript a resend's result is all the page knows; only a failed send is news.
  const failed = resend ? resend.status === "failed" : !state.emailSent;

  return (
    <section
      aria-labelledby="sent-title"
      className="space-y-4 rounded-lg border border-line bg-paper-raised p-5"
    >
      <h2
        id="sent-title"
        ref={heading}
        tabIndex={-1}
        className="text-2xl font-semibold outline-none"
      >
        {t.sent.title}
      </h2>
      {!failed ? (
        <p>{fill(t.sent.body, { email: state.email })}</p>
      ) : (
        <Alert tone="warning">{fill(t.sent.failed, { email: state.email })}</Alert>
      )}
      <p className="text-ink-muted">{t.sent.spam}</p>
      <form action={formAction}>
        <input type="hidden" name="intent" value="resend" />
        <input type="hidden" name="reservation_id" value={state.reservationId} />
        <input type="hidden" name="email" value={state.email} />
        <Button type="submit" variant="secondary" disabled={pending}>
          {pending ? t.sent.resending : t.sent.resend}
        </Button>
      </form>
      <div aria-live="polite">
        {resend?.status === "resent" ? <Alert tone="success">{t.sent.resent}</Alert> : null}
        {resend?.status === "closed" ? <Alert tone="warning">{t.sent.resendClosed}</Alert> : null}
        {resend?.status === "rate_limited" ? (
          <Alert tone="warning">
            {fill(t.refusals.rate_limited, { minutes: resend.retryAfterMinutes })}
          </Alert>
        ) : null}
      </div>
    </section>
  );
}
