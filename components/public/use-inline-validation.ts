"use client";

import { useState, type FocusEvent, type FormEvent } from "react";

/** Each field's first error code; fields without one are absent. */
export type FieldCodes<F extends string> = Partial<Record<F, string>>;

/**
 * Inline validation for the visitor's forms with the form's own zod schema, the way
 * react-hook-form's "onTouched" mode does it (the admin's forms use that library): a
 * field is checked when it loses focus, then on every change; submitting checks all,
 * shows every error and focuses the first. Written here rather than taken from a library
 * because the booking page has a JavaScript budget (README, Performance) that
 * react-hook-form alone would use a third of.
 *
 * `check` reads the whole form (the same function the server action uses on the posted
 * FormData) and returns each field's error code. `serverCodes` are the errors the
 * action answered; a field shows its server error until the visitor changes it.
 */
export function useInlineValidation<F extends string>(
  check: (form: HTMLFormElement) => FieldCodes<F>,
  serverCodes: FieldCodes<F>,
) {
  const [touched, setTouched] = useState<ReadonlySet<string>>(new Set());
  const [codes, setCodes] = useState<FieldCodes<F>>({});
  // Server errors belong to the answer they came with: a new answer shows its own.
  const [answer, setAnswer] = useState(serverCodes);
  if (answer !== serverCodes) {
    setAnswer(serverCodes);
    setTouched(new Set());
    setCodes({});
  }

  const recheck = (
    form: HTMLFormElement,
    field: string | null,
    touchedNow: ReadonlySet<string>,
  ) => {
    if (field === null || !touchedNow.has(field)) return;
    setCodes(check(form));
  };

  const fieldOf = (target: EventTarget) =>
    target instanceof HTMLInputElement ||
    target instanceof HTMLSelectElement ||
    target instanceof HTMLTextAreaElement
      ? target.name
      : null;

  return {
    /** The code to show next to a field, if any. */
    codeOf: (field: F): string | undefined =>
      touched.has(field) ? codes[field] : serverCodes[field],
    onBlur: (event: FocusEvent<HTMLFormElement>) => {
      const field = fieldOf(event.target);
      if (field === null || touched.has(field)) return;
      const next = new Set(touched).add(field);
      setTouched(next);
      recheck(event.currentTarget, field, next);
    },
    onChange: (event: FormEvent<HTMLFormElement>) =>
      recheck(event.currentTarget, fieldOf(event.target), touched),
    /** Checks every field; false (and the first invalid field focused) when one fails. */
    submit: (form: HTMLFormElement, fields: readonly F[]): boolean => {
      const found = check(form);
      setTouched(new Set(fields));
      setCodes(found);
      const first = fields.find((field) => found[field]);
      if (first === undefined) return true;
      const element = form.elements.namedItem(first);
      if (element instanceof HTMLElement) element.focus();
      return false;
    },
  };
}
