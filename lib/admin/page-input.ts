import { z } from "zod";
import { checkbox, optionalSlug, optionalText, requiredText } from "@/lib/admin/form-fields";

export const pageInput = z.object({
  title: requiredText(200),
  slug: optionalSlug(120),
  body: optionalText(50_000),
  titleEn: optionalText(200),
  bodyEn: optionalText(50_000),
  isPublished: checkbox,
  /** Linked from the site's header / footer (only while published). */
  inHeader: checkbox,
  inFooter: checkbox,
});

export type PageInput = z.output<typeof pageInput>;
