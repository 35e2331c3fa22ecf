"use client";

import { useState, type ChangeEvent } from "react";
import { buttonClass } from "@/components/ui/button";
import { describedBy, FieldError, inputClass } from "@/components/ui/field";
import { useEnhanced } from "@/components/ui/use-enhanced";
import { PosterPicture } from "@/components/public/poster-picture";
import type { AdminMessages } from "@/lib/i18n/messages/admin";
import type { PosterImage } from "@/lib/posters/poster-image";
import { POSTER_CONTENT_TYPES, posterFileRefusal } from "@/lib/posters/poster-limits";

/**
 * The show form's poster upload: a plain file input named `poster` (it posts with the
 * form, with or without JavaScript). With JavaScript a chosen file is checked at once
 * (type, 10 MB) and previewed; a refused one is taken out of the form, so nothing is
 * sent. The server checks the bytes again whatever the browser said. With JavaScript the
 * browser's own picker button (its text in the browser's language, not the page's) is
 * replaced by ours and the chosen file's name; without it the plain input stays.
 */
export function PosterField({
  current,
  serverError,
  t,
}: {
  current: PosterImage | null;
  serverError?: string;
  t: AdminMessages;
}) {
  const [preview, setPreview] = useState<string | null>(null);
  const [refusal, setRefusal] = useState<string | undefined>();
  const [touched, setTouched] = useState(false);
  const [chosen, setChosen] = useState<string | null>(null);
  const enhanced = useEnhanced();
  const id = "field-poster";
  const error = refusal ?? (touched ? undefined : serverError);
  const f = t.shows.fields;

  const choose = (event: ChangeEvent<HTMLInputElement>) => {
    setTouched(true);
    const input = event.currentTarget;
    const file = input.files?.[0];
    setPreview(null);
    setChosen(null);
    if (!file) {
      setRefusal(undefined);
      return;
    }
    const refused = posterFileRefusal(file);
    if (refused) {
      setRefusal(t.errors[refused]);
      input.value = "";
      return;
    }
    setRefusal(undefined);
    setChosen(file.name);
    const reader = new FileReader();
    reader.onload = () => typeof reader.result === "string" && setPreview(reader.result);
    reader.readAsDataURL(file);
  };

  return (
    <div className="space-y-1.5">
      <label htmlFor={id} className="block font-semibold">
        {f.poster}
        <span className="ml-1 text-sm font-normal text-ink-muted">({t.common.optional})</span>
      </label>
      <p id={`${id}-hint`} className="text-sm text-ink-muted">
        {t.shows.posterUploadHelp}
      </p>
      <div className="flex flex-wrap items-start gap-4">
        <figure className="w-32 shrink-0 space-y-1">
          {preview ? (
            // eslint-disable-next-line @next/next/no-img-element -- a local file read as a data: URL
            <img
              src={preview}
              alt={t.shows.posterPreview}
              className="aspect-[2/3] w-full rounded border border-line bg-paper-sunken object-contain"
            />
          ) : current ? (
            <PosterPicture
              poster={current}
              sizes="8rem"
              className="aspect-[2/3] w-full rounded border border-line object-cover"
            />
          ) : (
            <div className="flex aspect-[2/3] w-full items-center rounded border border-dashed border-line p-2 text-xs text-ink-muted">
              {t.shows.posterNone}
            </div>
          )}
          <figcaption className="text-xs text-ink-muted">
            {preview ? t.shows.posterPreview : current ? t.shows.posterCurrent : null}
          </figcaption>
        </figure>
        <div className="max-w-md min-w-48 flex-1 space-y-2">
          <input
            id={id}
            name="poster"
            type="file"
            accept={POSTER_CONTENT_TYPES.join(",")}
            onChange={choose}
            aria-invalid={error ? true : undefined}
            aria-describedby={describedBy(id, true, error)}
            className={
              enhanced
                ? "peer sr-only"
                : `${inputClass} w-full file:mr-3 file:rounded file:border-0 file:bg-paper-sunken file:px-3 file:py-1 file:font-semibold`
            }
          />
          {enhanced ? (
            <>
              {/* Clicking the label opens the picker; the focus ring follows the hidden input. */}
              <label
                htmlFor={id}
                aria-hidden
                className={buttonClass(
                  "secondary",
                  "cursor-pointer peer-focus-visible:outline-2 peer-focus-visible:outline-offset-2",
                )}
              >
                {current ? t.shows.posterReplace : t.shows.posterChoose}
              </label>
              <p className="text-sm break-all text-ink-muted" aria-live="polite">
                {chosen ?? t.shows.posterNoFile}
              </p>
            </>
          ) : null}
        </div>
      </div>
      <FieldError id={id} error={error} />
    </div>
  );
}
