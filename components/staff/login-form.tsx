"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { signIn } from "next-auth/react";
import { useState } from "react";
import { useForm, type UseFormRegisterReturn } from "react-hook-form";
import { signInInput, type SignInInput } from "@/lib/auth/sign-in-input";
import type { StaffMessages } from "@/lib/i18n/messages/staff";

type Props = { t: StaffMessages["login"]; callbackPath: string; initialError: string | null };

export function LoginForm({ t, callbackPath, initialError }: Props) {
  const [error, setError] = useState<string | null>(initialError);
  const {
    register,
    handleSubmit,
    formState: { errors, isSubmitting },
  } = useForm<SignInInput>({
    resolver: zodResolver(signInInput),
    defaultValues: { email: "", password: "" },
  });

  async function onSubmit(values: SignInInput) {
    setError(null);
    const result = await signIn("credentials", {
      ...values,
      redirect: false,
      callbackUrl: callbackPath,
    }).catch(() => null);
    if (!result?.ok || result.error) {
      const code = result?.error;
      setError(
        code === "invalid_credentials" || code === "rate_limited"
          ? t.errors[code]
          : t.errors.generic,
      );
      return;
    }
    // A full navigation, so that every server component renders with the new session cookie.
    window.location.assign(callbackPath);
  }

  return (
    <form onSubmit={handleSubmit(onSubmit)} noValidate className="space-y-5">
      <div
        role="alert"
        aria-live="assertive"
        className={
          error
            ? "rounded-md border-2 border-danger bg-white p-3 font-medium text-danger"
            : "sr-only"
        }
      >
        {error}
      </div>
      <TextField
        id="email"
        type="email"
        label={t.email}
        autoComplete="username"
        error={errors.email && t.errors.emailRequired}
        registration={register("email")}
      />
      <TextField
        id="password"
        type="password"
        label={t.password}
        autoComplete="current-password"
        error={errors.password && t.errors.passwordRequired}
        registration={register("password")}
      />
      <button
        type="submit"
        disabled={isSubmitting}
        className="w-full rounded-md bg-accent px-4 py-3 text-lg font-semibold text-white hover:bg-accent-strong disabled:opacity-70"
      >
        {isSubmitting ? t.submitting : t.submit}
      </button>
    </form>
  );
}

type TextFieldProps = {
  id: string;
  type: string;
  label: string;
  autoComplete: string;
  error: string | undefined;
  registration: UseFormRegisterReturn;
};

function TextField({ id, type, label, autoComplete, error, registration }: TextFieldProps) {
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block font-medium">
        {label}
      </label>
      <input
        id={id}
        type={type}
        autoComplete={autoComplete}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        className="block w-full rounded-md border border-ink-muted bg-white px-3 py-3 text-base"
        {...registration}
      />
      {error && (
        <p id={`${id}-error`} className="text-sm font-medium text-danger">
          {error}
        </p>
      )}
    </div>
  );
}
