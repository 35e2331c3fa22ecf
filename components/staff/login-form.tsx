"use client";

import { useActionState } from "react";
import { signInAction } from "@/actions/sign-in";
import type { SignInState } from "@/lib/auth/sign-in-input";
import type { StaffMessages } from "@/lib/i18n/messages/staff";

type Props = { t: StaffMessages["login"]; callbackPath: string; initialError: string | null };

/**
 * A real `<form method="post">` bound to a server action: before JavaScript loads (a slow
 * phone at the door) or without it, the browser posts the form and gets the next page;
 * with JavaScript, React submits it in place. The credentials are only ever in the body.
 */
export function LoginForm({ t, callbackPath, initialError }: Props) {
  const [state, formAction, pending] = useActionState<SignInState, FormData>(signInAction, {
    error: null,
  });
  const message = state.error ? t.errors[state.error] : state.fieldErrors ? null : initialError;
  return (
    <form action={formAction} method="post" noValidate className="space-y-5">
      <input type="hidden" name="callbackUrl" value={callbackPath} />
      <div
        role="alert"
        aria-live="assertive"
        className={
          message
            ? "rounded-md border-2 border-danger bg-white p-3 font-medium text-danger"
            : "sr-only"
        }
      >
        {message}
      </div>
      <TextField
        id="email"
        type="email"
        label={t.email}
        autoComplete="username"
        defaultValue={state.email ?? ""}
        error={state.fieldErrors?.email ? t.errors.emailRequired : undefined}
      />
      <TextField
        id="password"
        type="password"
        label={t.password}
        autoComplete="current-password"
        error={state.fieldErrors?.password ? t.errors.passwordRequired : undefined}
      />
      <button
        type="submit"
        disabled={pending}
        className="w-full rounded-md bg-accent px-4 py-3 text-lg font-semibold text-white hover:bg-accent-strong disabled:opacity-70"
      >
        {pending ? t.submitting : t.submit}
      </button>
    </form>
  );
}

type TextFieldProps = {
  id: "email" | "password";
  type: string;
  label: string;
  autoComplete: string;
  defaultValue?: string;
  error: string | undefined;
};

function TextField({ id, type, label, autoComplete, defaultValue, error }: TextFieldProps) {
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block font-medium">
        {label}
      </label>
      <input
        id={id}
        name={id}
        type={type}
        required
        autoComplete={autoComplete}
        defaultValue={defaultValue}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        className="block w-full rounded-md border border-ink-muted bg-white px-3 py-3 text-base"
      />
      {error && (
        <p id={`${id}-error`} className="text-sm font-medium text-danger">
          {error}
        </p>
      )}
    </div>
  );
}
