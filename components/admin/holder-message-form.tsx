"use client";

import { useActionState } from "react";
import type { HolderMessageState } from "@/lib/audience/message-input";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { describedBy, Field, inputClass } from "@/components/ui/field";
import { fill } from "@/lib/i18n/fill";
import type { AdminMessages } from "@/lib/i18n/messages/admin";
import type { AudienceMessages } from "@/lib/i18n/messages/audience";

type Text = AudienceMessages["admin"]["audience"];

/**
 * Subject and text (Italian, optionally English) of a message to the holders; "Preview"
 * shows it as each language's holders will read it, then "Send" queues it. A plain form
 * posting to its server action, so it works before JavaScript loads.
 */
export function HolderMessageForm({
  action,
  t,
  errors: errorTexts,
}: {
  action: (state: HolderMessageState, formData: FormData) => Promise<HolderMessageState>;
  t: Text;
  errors: AdminMessages["errors"];
}) {
  const [state, formAction, pending] = useActionState(action, { status: "idle" });
  const values =
    state.status === "invalid" || state.status === "preview"
      ? state.values
      : { subject: "", body: "", subjectEn: "", bodyEn: "" };
  const errors = state.status === "invalid" ? state.errors : {};
  const errorOf = (field: keyof typeof values) => {
    const code = errors[field];
    if (!code) return undefined;
    if (code === "english_incomplete") return t.englishIncomplete;
    return (errorTexts as Record<string, string>)[code] ?? errorTexts.required;
  };
  const field = (name: keyof typeof values, label: string, multiline: boolean, help?: string) => (
    <Field id={`message-${name}`} label={label} hint={help} error={errorOf(name)}>
      {multiline ? (
        <textarea
          id={`message-${name}`}
          name={name}
          rows={6}
          defaultValue={values[name]}
          aria-invalid={Boolean(errorOf(name))}
          aria-describedby={describedBy(`message-${name}`, help, errorOf(name))}
          className={inputClass}
        />
      ) : (
        <input
          id={`message-${name}`}
          name={name}
          defaultValue={values[name]}
          aria-invalid={Boolean(errorOf(name))}
          aria-describedby={describedBy(`message-${name}`, help, errorOf(name))}
          className={inputClass}
        />
      )}
    </Field>
  );
  return (
    <form
      action={formAction}
      className="space-y-5"
      // A new preview or send re-mounts the fields with what was submitted.
      key={state.status === "preview" ? JSON.stringify(state.values) : state.status}
    >
      {state.status === "sent" ? (
        <Alert tone="success" live>
          {state.message}
        </Alert>
      ) : null}
      {state.status === "invalid" && state.message ? (
        <Alert tone="warning" live>
          {state.message}
        </Alert>
      ) : null}
      {field("subject", t.subject, false)}
      {field("body", t.body, true)}
      {field("subjectEn", t.subjectEn, false, t.englishHelp)}
      {field("bodyEn", t.bodyEn, true)}
      {state.status === "preview" ? (
        <section aria-labelledby="message-preview" className="space-y-4">
          <h3 id="message-preview" className="text-lg font-semibold">
            {t.previewTitle}
          </h3>
          <p className="font-semibold">{fill(t.recipients, { count: state.recipients })}</p>
          {state.previews.map((preview) => (
            <div
              key={preview.locale}
              className="rounded-md border border-line bg-paper-sunken p-4"
              data-testid={`message-preview-${preview.locale}`}
            >
              <p className="text-sm text-ink-muted">
                {fill(t.previewFor, {
                  language: preview.locale === "en" ? t.english : t.italian,
                })}
              </p>
              <p className="mt-2 font-semibold">{preview.subject}</p>
              <pre className="mt-2 font-sans whitespace-pre-wrap">{preview.text}</pre>
            </div>
          ))}
        </section>
      ) : null}
      <div className="flex flex-wrap gap-3">
        <Button type="submit" name="intent" value="preview" variant="secondary" disabled={pending}>
          {t.preview}
        </Button>
        {state.status === "preview" && state.recipients > 0 ? (
          <Button type="submit" name="intent" value="send" disabled={pending}>
            {fill(t.send, { count: state.recipients })}
          </Button>
        ) : null}
      </div>
    </form>
  );
}
