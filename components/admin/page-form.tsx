"use client";

import {
  AdminFormShell,
  CheckboxField,
  SlugField,
  TextField,
} from "@/components/admin/form-controls";
import { MarkdownField } from "@/components/admin/markdown-field";
import { useAdminForm } from "@/components/admin/use-admin-form";
import type { FormAction } from "@/lib/admin/form-state";
import { pageInput, type PageInput } from "@/lib/admin/page-input";
import type { AdminMessages } from "@/lib/i18n/messages/admin";

const NEW_PAGE: PageInput = {
  title: "",
  slug: "",
  body: "",
  titleEn: "",
  bodyEn: "",
  isPublished: false,
  inHeader: false,
  inFooter: false,
};

/** A public page's form; `page` is the saved row (extra columns are ignored), none for a new one. */
export function PageForm({
  action,
  page,
  t,
}: {
  action: FormAction;
  page?: PageInput;
  t: AdminMessages;
}) {
  const { bind, shell } = useAdminForm({
    schema: pageInput,
    action,
    defaultValues: { ...NEW_PAGE, ...page },
    errorTexts: t.errors,
  });
  const f = t.pages.fields;
  const c = t.common;
  return (
    <AdminFormShell form={shell} t={t}>
      <TextField label={f.title} {...bind("title")} autoComplete="off" />
      <SlugField label={f.slug} help={c.slugHelp} t={t} {...bind("slug")} />
      <MarkdownField label={f.body} {...bind("body")} common={c} />
      <TextField
        label={f.titleEn}
        help={c.englishHelp}
        {...bind("titleEn")}
        autoComplete="off"
        lang="en"
        optional={c.optional}
      />
      <MarkdownField label={f.bodyEn} {...bind("bodyEn")} common={c} english />
      <CheckboxField label={f.isPublished} {...bind("isPublished")} />
      <fieldset className="space-y-1">
        <legend className="font-semibold">{t.pages.navigation}</legend>
        <CheckboxField label={f.inHeader} {...bind("inHeader")} />
        <CheckboxField label={f.inFooter} {...bind("inFooter")} />
      </fieldset>
    </AdminFormShell>
  );
}
