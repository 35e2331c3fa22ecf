import type {
  InputHTMLAttributes,
  ReactNode,
  SelectHTMLAttributes,
  TextareaHTMLAttributes,
} from "react";
import type { UseFormRegisterReturn } from "react-hook-form";

const control =
  "mt-1 block w-full rounded-md border border-ink-muted bg-paper-raised px-3 py-2 text-base text-ink aria-[invalid=true]:border-danger aria-[invalid=true]:border-2";

/** A react-hook-form registration plus the value to show before JavaScript runs. */
type Registration = UseFormRegisterReturn & { defaultValue?: string; defaultChecked?: boolean };

type Common = {
  label: string;
  help?: string;
  error?: string;
  registration: Registration;
  optional?: string;
};

/** Label, control, help and an always-present aria-live error slot, tied together by ids. */
function FieldShell({
  id,
  label,
  help,
  error,
  optional,
  children,
}: {
  id: string;
  label: string;
  help?: string;
  error?: string;
  optional?: string;
  children: ReactNode;
}) {
  return (
    <div>
      <label htmlFor={id} className="block font-semibold">
        {label}
        {optional ? <span className="font-normal text-ink-muted"> ({optional})</span> : null}
      </label>
      {children}
      {help ? (
        <p id={`${id}-help`} className="mt-1 text-sm text-ink-muted">
          {help}
        </p>
      ) : null}
      <p
        id={`${id}-error`}
        aria-live="polite"
        className="mt-1 text-sm font-semibold text-danger empty:hidden"
      >
        {error}
      </p>
    </div>
  );
}

function describedBy(id: string, help?: string) {
  return help ? `${id}-help ${id}-error` : `${id}-error`;
}

export function TextField({
  label,
  help,
  error,
  registration,
  optional,
  ...input
}: Common & InputHTMLAttributes<HTMLInputElement>) {
  const id = `field-${registration.name}`;
  return (
    <FieldShell id={id} label={label} help={help} error={error} optional={optional}>
      <input
        id={id}
        {...input}
        {...registration}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, help)}
        className={control}
      />
    </FieldShell>
  );
}

export function TextAreaField({
  label,
  help,
  error,
  registration,
  optional,
  ...textarea
}: Common & TextareaHTMLAttributes<HTMLTextAreaElement>) {
  const id = `field-${registration.name}`;
  return (
    <FieldShell id={id} label={label} help={help} error={error} optional={optional}>
      <textarea
        id={id}
        {...textarea}
        {...registration}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, help)}
        className={`${control} font-mono text-sm`}
      />
    </FieldShell>
  );
}

export function SelectField({
  label,
  help,
  error,
  registration,
  options,
  placeholder,
  ...select
}: Common &
  SelectHTMLAttributes<HTMLSelectElement> & {
    options: { value: string; label: string }[];
    placeholder?: string;
  }) {
  const id = `field-${registration.name}`;
  return (
    <FieldShell id={id} label={label} help={help} error={error}>
      <select
        id={id}
        {...select}
        {...registration}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, help)}
        className={control}
      >
        {placeholder !== undefined ? <option value="">{placeholder}</option> : null}
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </FieldShell>
  );
}

export function CheckboxField({ label, help, error, registration }: Common) {
  const id = `field-${registration.name}`;
  return (
    <div>
      <div className="flex items-center gap-3">
        <input
          id={id}
          type="checkbox"
          {...registration}
          aria-describedby={describedBy(id, help)}
          className="size-5 accent-accent"
        />
        <label htmlFor={id} className="font-semibold">
          {label}
        </label>
      </div>
      {help ? (
        <p id={`${id}-help`} className="mt-1 text-sm text-ink-muted">
          {help}
        </p>
      ) : null}
      <p
        id={`${id}-error`}
        aria-live="polite"
        className="mt-1 text-sm font-semibold text-danger empty:hidden"
      >
        {error}
      </p>
    </div>
  );
}

export function SubmitButton({
  pending,
  label,
  pendingLabel,
}: {
  pending: boolean;
  label: string;
  pendingLabel: string;
}) {
  return (
    <button
      type="submit"
      disabled={pending}
      className="rounded-md bg-accent px-5 py-2.5 font-semibold text-white hover:bg-accent-strong disabled:opacity-70"
    >
      {pending ? pendingLabel : label}
    </button>
  );
}
