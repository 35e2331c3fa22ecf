"use client";

import { useState } from "react";
import { TextAreaField, type Bound } from "@/components/admin/form-controls";
import { MarkdownBody } from "@/components/public/markdown-body";
import type { AdminMessages } from "@/lib/i18n/messages/admin";

/** A Markdown textarea with a preview rendered by the same safe renderer as the public site. */
export function MarkdownField({
  label,
  error,
  registration,
  common,
  english = false,
}: Bound & {
  label: string;
  common: AdminMessages["common"];
  /** The English version of a text: its help says so. */
  english?: boolean;
}) {
  const [previewing, setPreviewing] = useState(false);
  // The preview follows what is typed; the form library keeps its own copy.
  const [value, setValue] = useState(registration.defaultValue ?? "");
  const tracked = {
    ...registration,
    onChange: (event: { target: { value?: unknown } }) => {
      setValue(String(event.target.value ?? ""));
      return registration.onChange(event);
    },
  };
  const labels = {
    write: common.write,
    preview: common.preview,
    help: english ? `${common.englishHelp} ${common.markdownHelp}` : common.markdownHelp,
    empty: common.previewEmpty,
  };
  return (
    <div>
      <div className={previewing ? "hidden" : undefined}>
        <TextAreaField
          lang={english ? "en" : undefined}
          label={label}
          help={labels.help}
          error={error}
          registration={tracked}
          rows={10}
        />
      </div>
      {previewing ? (
        <section
          aria-label={`${labels.preview}: ${label}`}
          className="rounded-md border border-line bg-paper-raised p-4"
        >
          <p className="mb-2 font-semibold">{`${labels.preview}: ${label}`}</p>
          {value.trim() ? (
            // The public site's renderer: what the admin previews is what visitors get.
            <MarkdownBody source={value} />
          ) : (
            <p className="text-ink-muted">{labels.empty}</p>
          )}
        </section>
      ) : null}
      <button
        type="button"
        aria-pressed={previewing}
        // Forms hold more than one Markdown field (Italian and English): name the one it toggles.
        aria-label={`${previewing ? labels.write : labels.preview}: ${label}`}
        onClick={() => setPreviewing((on) => !on)}
        className="mt-2 rounded-md border-2 border-ink px-3 py-1 text-sm font-semibold"
      >
        {previewing ? labels.write : labels.preview}
      </button>
    </div>
  );
}
