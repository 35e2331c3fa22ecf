import type { ReactNode } from "react";

export const inputClass =
  "block w-full min-h-11 rounded-md border border-ink-muted bg-paper-raised px-3 py-2 text-base text-ink aria-[invalid=true]:border-danger aria-[invalid=true]:border-2";

/** ids of a field's hint and error, for aria-describedby. */
export function describedBy(id: string, hint: unknown, error: unknown): string | undefined {
  const ids = [hint ? `${id}-hint` : "", error ? `${id}-error` : ""].filter(Boolean);
  return ids.length > 0 ? ids.join(" ") : undefined;
}

/**
 * Label, control, hint and error of one form field. The control is passed as children
 * and must carry `id`, `aria-invalid` and `aria-describedby={describedBy(...)}`.
 */
export function Field({
  id,
  label,
  hint,
  error,
  required,
  requiredLabel,
  optionalLabel,
  children,
}: {
  id: string;
  label: string;
  hint?: string;
  error?: string;
  required?: boolean;
  requiredLabel?: string;
  /** Marks the field optional instead ("facoltativo"): forms mark whichever is rarer. */
  optionalLabel?: string;
  children: ReactNode;
}) {
  const note = required ? requiredLabel : optionalLabel;
  return (
    <div className="space-y-1.5">
      <label htmlFor={id} className="block font-semibold">
        {label}
        {note ? <span className="ml-1 text-sm font-normal text-ink-muted">({note})</span> : null}
      </label>
      {hint ? (
        <p id={`${id}-hint`} className="text-sm text-ink-muted">
          {hint}
        </p>
      ) : null}
      {children}
      <FieldError id={id} error={error} />
    </div>
  );
}

export function FieldError({ id, error }: { id: string; error?: string }) {
  // Always rendered, so that the live region exists before a message appears in it.
  return (
    <p
      id={`${id}-error`}
      aria-live="polite"
      className="text-sm font-semibold text-danger empty:hidden"
    >
      {error}
    </p>
  );
}
