"use client";

import { CheckboxField, SubmitButton, TextField } from "@/components/admin/form-controls";
import { MarkdownField } from "@/components/admin/markdown-field";
import { useAdminForm } from "@/components/admin/use-admin-form";
import type { FormState } from "@/lib/admin/form-state";
import { pageInput } from "@/lib/admin/page-input";
import type { AdminMessages } from "@/lib/i18n/messages/admin";

export type PageDefaults = {
  title: string;
  slug: string;
  body: string;
  titleEn: string;
  bodyEn: string;
  isPublished: boolean;
};

export function PageForm({
  action,
  defaults,
  t,
}: {
  action: (state: FormState, formData: FormData) => Promise<FormState>;
  defaults: PageDefaults;
  t: AdminMessages;
}) {
  const { form, field, pending, errorOf, formProps } = useAdminForm({
    schema: pageInput,
    action,
    defaultValues: defaults,
    errorTexts: t.errors,
  });
  const { watch } = form;
  const f = t.pages.fields;
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
      <MarkdownField
        label={f.body}
        registration={field("body")}
        error={errorOf("body")}
        value={String(watch("body") ?? "")}
        labels={{
          write: t.common.write,
          preview: t.common.preview,
          help: t.common.markdownHelp,
          empty: t.common.previewEmpty,
        }}
      />
      <TextField
        label={f.titleEn}
        help={t.common.englishHelp}
        registration={field("titleEn")}
        error={errorOf("titleEn")}
        autoComplete="off"
        lang="en"
        optional={t.common.optional}
      />
      <MarkdownField
        label={f.bodyEn}
        registration={field("bodyEn")}
        error={errorOf("bodyEn")}
        value={String(watch("bodyEn") ?? "")}
        labels={{
          write: t.common.write,
          preview: t.common.preview,
          help: `${t.common.englishHelp} ${t.common.markdownHelp}`,
          empty: t.common.previewEmpty,
        }}
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
