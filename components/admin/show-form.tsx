"use client";

import { useEffect } from "react";
import {
  AdminFormShell,
  CheckboxField,
  SlugField,
  TextField,
} from "@/components/admin/form-controls";
import { MarkdownField } from "@/components/admin/markdown-field";
import { PosterField } from "@/components/admin/poster-field";
import { useAdminForm } from "@/components/admin/use-admin-form";
import type { FormAction } from "@/lib/admin/form-state";
import { showInput, type ShowInput } from "@/lib/admin/show-input";
import { slugify } from "@/lib/admin/slug";
import type { AdminMessages } from "@/lib/i18n/messages/admin";
import type { PosterImage } from "@/lib/posters/poster-image";

const NEW_SHOW: ShowInput = {
  title: "",
  slug: "",
  summary: "",
  description: "",
  summaryEn: "",
  descriptionEn: "",
  posterImage: "",
  posterAlt: "",
  posterAltEn: "",
  removePoster: false,
  durationMinutes: null,
  isPublished: false,
};

/** A show's form; `show` is the saved row (extra columns are ignored), none for a new one. */
export function ShowForm({
  action,
  show,
  poster = null,
  t,
}: {
  action: FormAction;
  show?: Omit<ShowInput, "removePoster">;
  /** The uploaded poster, shown until a new file is chosen. */
  poster?: PosterImage | null;
  t: AdminMessages;
}) {
  const defaults = { ...NEW_SHOW, ...show };
  const { form, bind, errorOf, shell } = useAdminForm({
    schema: showInput,
    action,
    defaultValues: defaults,
    errorTexts: t.errors,
  });
  const { watch, setValue, getFieldState } = form;
  const f = t.shows.fields;
  const c = t.common;
  const title = watch("title");
  const isNew = defaults.slug === "";

  // A new show's slug follows its title until the admin edits the slug by hand.
  useEffect(() => {
    if (isNew && !getFieldState("slug").isDirty)
      setValue("slug", slugify(String(title ?? ""), 200));
  }, [title, isNew, getFieldState, setValue]);

  return (
    <AdminFormShell form={shell} t={t}>
      <TextField label={f.title} {...bind("title")} autoComplete="off" />
      <SlugField label={f.slug} help={c.slugHelp} t={t} {...bind("slug")} />
      <TextField label={f.summary} {...bind("summary")} optional={c.optional} />
      <MarkdownField label={f.description} {...bind("description")} common={c} />
      <TextField
        label={f.summaryEn}
        help={c.englishHelp}
        {...bind("summaryEn")}
        lang="en"
        optional={c.optional}
      />
      <MarkdownField label={f.descriptionEn} {...bind("descriptionEn")} common={c} english />
      <TextField
        label={f.durationMinutes}
        help={t.shows.durationHelp}
        {...bind("durationMinutes")}
        inputMode="numeric"
        optional={c.optional}
      />
      <PosterField current={poster} serverError={errorOf("poster")} t={t} />
      {poster ? <CheckboxField label={f.removePoster} {...bind("removePoster")} /> : null}
      <TextField
        label={f.posterAlt}
        help={t.shows.posterAltHelp}
        {...bind("posterAlt")}
        autoComplete="off"
        optional={c.optional}
      />
      <TextField
        label={f.posterAltEn}
        help={c.englishHelp}
        {...bind("posterAltEn")}
        autoComplete="off"
        lang="en"
        optional={c.optional}
      />
      <TextField
        label={f.posterImage}
        help={t.shows.posterHelp}
        {...bind("posterImage")}
        inputMode="url"
        optional={c.optional}
      />
      <CheckboxField label={f.isPublished} {...bind("isPublished")} />
    </AdminFormShell>
  );
}
