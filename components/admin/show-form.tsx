"use client";

import { useEffect } from "react";
import { CheckboxField, SubmitButton, TextField } from "@/components/admin/form-controls";
import { MarkdownField } from "@/components/admin/markdown-field";
import { useAdminForm } from "@/components/admin/use-admin-form";
import type { FormState } from "@/lib/admin/form-state";
import { showInput } from "@/lib/admin/show-input";
import { slugify } from "@/lib/admin/slug";
import type { AdminMessages } from "@/lib/i18n/messages/admin";

export type ShowDefaults = {
  title: string;
  slug: string;
  summary: string;
  description: string;
  summaryEn: string;
  descriptionEn: string;
  posterImage: string;
  isPublished: boolean;
};

export function ShowForm({
  action,
  defaults,
  t,
}: {
  action: (state: FormState, formData: FormData) => Promise<FormState>;
  defaults: ShowDefaults;
  t: AdminMessages;
}) {
  const { form, field, pending, errorOf, formProps } = useAdminForm({
    schema: showInput,
    action,
    defaultValues: defaults,
    errorTexts: t.errors,
  });
  const { watch, setValue, getFieldState } = form;
  const f = t.shows.fields;
  const title = watch("title");
  const isNew = defaults.slug === "";

  // A new show's slug follows its title until the admin edits the slug by hand.
  useEffect(() => {
    if (isNew && !getFieldState("slug").isDirty)
      setValue("slug", slugify(String(title ?? ""), 200));
  }, [title, isNew, getFieldState, setValue]);

  return (
    <form {...formProps} className="max-w-2xl space-y-5">
      <TextField
        label={f.title}
        registration={field("title")}
        error={errorOf("title")}
        autoComplete="off"
      />
      <TextField
        label={f.slug}
        help={t.common.slugHelp}
        registration={field("slug")}
        error={errorOf("slug")}
        autoComplete="off"
        optional={t.common.optional}
      />
      <TextField
        label={f.summary}
        registration={field("summary")}
        error={errorOf("summary")}
        optional={t.common.optional}
      />
      <MarkdownField
        label={f.description}
        registration={field("description")}
        error={errorOf("description")}
        value={String(watch("description") ?? "")}
        labels={{
          write: t.common.write,
          preview: t.common.preview,
          help: t.common.markdownHelp,
          empty: t.common.previewEmpty,
        }}
      />
      <TextField
        label={f.summaryEn}
        help={t.common.englishHelp}
        registration={field("summaryEn")}
        error={errorOf("summaryEn")}
        lang="en"
        optional={t.common.optional}
      />
      <MarkdownField
        label={f.descriptionEn}
        registration={field("descriptionEn")}
        error={errorOf("descriptionEn")}
        value={String(watch("descriptionEn") ?? "")}
        labels={{
          write: t.common.write,
          preview: t.common.preview,
          help: `${t.common.englishHelp} ${t.common.markdownHelp}`,
          empty: t.common.previewEmpty,
        }}
      />
      <TextField
        label={f.posterImage}
        help={t.shows.posterHelp}
        registration={field("posterImage")}
        error={errorOf("posterImage")}
        inputMode="url"
        optional={t.common.optional}
      />
      <CheckboxField
        label={f.isPublished}
        registration={field("isPublished")}
        error={errorOf("isPublished")}
      />
      <SubmitButton pending={pending} label={t.common.save} pendingLabel={t.common.saving} />
    </form>
  );
}
