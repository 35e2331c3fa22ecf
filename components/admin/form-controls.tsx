import type {
  ComponentPropsWithoutRef,
  InputHTMLAttributes,
  ReactNode,
  SelectHTMLAttributes,
  TextareaHTMLAttributes,
} from "react";
import type { UseFormRegisterReturn } from "react-hook-form";
import { Button } from "@/components/ui/button";
import { describedBy, Field, FieldError, inputClass } from "@/components/ui/field";
import type { AdminMessages } from "@/lib/i18n/messages/admin";

// The admin's controls: the shared Field (components/ui/field.tsx) around an input bound
// by useAdminForm. `bind(name)` of that hook gives `registration` and `error` together.

/** A react-hook-form registration plus the value to show before JavaScript runs. */
export type Registration = UseFormRegisterReturn & {
  defaultValue?: string;
  defaultChecked?: boolean;
};

export type Bound = { registration: Registration; error?: string };

type Common = Bound & { label: string; help?: string; optional?: string };

/** The props every bound control carries: id, validity and what describes it. */
function controlProps({ registration, error, help }: Common) {
  const id = `field-${registration.name}`;
  return {
    id,
    ...registration,
    "aria-invalid": error ? true : undefined,
    "aria-describedby": describedBy(id, help, error),
  };
}

function Shell({ control, children }: { control: Common; children: ReactNode }) {
  return (
    <Field
      id={`field-${control.registration.name}`}
      label={control.label}
      hint={control.help}
      error={control.error}
      optionalLabel={control.optional}
    >
      {children}
    </Field>
  );
}

export function TextField({
  label,
  help,
  error,
  registration,
  optional,
  ...input
}: Common & InputHTMLAttributes<HTMLInputElement>) {
  const control = { label, help, error, registration, optional };
  return (
    <Shell control={control}>
      <input {...input} {...controlProps(control)} className={inputClass} />
    </Shell>
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
  const control = { label, help, error, registration, optional };
  return (
    <Shell control={control}>
      <textarea
        {...textarea}
        {...controlProps(control)}
        className={`${inputClass} font-mono text-sm`}
      />
    </Shell>
  );
}

export function SelectField({
  label,
  help,
  error,
  registration,
  optional,
  options,
  placeholder,
  ...select
}: Common &
  SelectHTMLAttributes<HTMLSelectElement> & {
    options: { value: string; label: string }[];
    placeholder?: string;
  }) {
  const control = { label, help, error, registration, optional };
  return (
    <Shell control={control}>
      <select {...select} {...controlProps(control)} className={inputClass}>
        {placeholder !== undefined ? <option value="">{placeholder}</option> : null}
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </Shell>
  );
}

/** A checkbox puts its label after the box; hint and error sit below both. */
export function CheckboxField({ label, help, error, registration }: Omit<Common, "optional">) {
  const { id, ...box } = controlProps({ label, help, error, registration });
  return (
    <div className="space-y-1.5">
      <div className="flex min-h-11 items-center gap-3">
        <input id={id} type="checkbox" {...box} className="size-5 shrink-0 accent-accent" />
        <label htmlFor={id} className="font-semibold">
          {label}
        </label>
      </div>
      {help ? (
        <p id={`${id}-hint`} className="text-sm text-ink-muted">
          {help}
        </p>
      ) : null}
      <FieldError id={id} error={error} />
    </div>
  );
}

/** The form element of every admin form: its submit button last, labelled while pending. */
export function AdminFormShell({
  form,
  t,
  submitLabel = t.common.save,
  width = "max-w-2xl",
  children,
}: {
  form: { formProps: ComponentPropsWithoutRef<"form">; pending: boolean };
  t: AdminMessages;
  submitLabel?: string;
  width?: "max-w-2xl" | "max-w-xl";
  children: ReactNode;
}) {
  return (
    <form method="post" {...form.formProps} className={`${width} space-y-5`}>
      {children}
      <Button type="submit" disabled={form.pending}>
        {form.pending ? t.common.saving : submitLabel}
      </Button>
    </form>
  );
}

/** The slug of a show, venue or page: optional, generated from the title when left empty. */
export function SlugField({
  label,
  help,
  t,
  ...bound
}: Bound & { label: string; help: string; t: AdminMessages }) {
  return (
    <TextField
      label={label}
      help={help}
      {...bound}
      autoComplete="off"
      optional={t.common.optional}
    />
  );
}
