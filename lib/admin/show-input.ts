import { z } from "zod";
import { checkbox, optionalSlug, optionalText, requiredText } from "@/lib/admin/form-fields";

/** A poster is an https URL or a path on this site (the CSP allows no other images). */
const posterUrl = z.preprocess(
  (value) => value ?? "",
  z
    .string()
    .trim()
    .max(500, "too_long")
    .refine(
      (url) =>
        url === "" || url.startsWith("/") || (/^https:\/\/\S+$/.test(url) && URL.canParse(url)),
      "invalid_url",
    ),
);

export const showInput = z.object({
  title: requiredText(200),
  slug: optionalSlug(220),
  summary: optionalText(500),
  description: optionalText(20_000),
  summaryEn: optionalText(500),
  descriptionEn: optionalText(20_000),
  posterImage: posterUrl,
  isPublished: checkbox,
});

export type ShowInput = z.output<typeof showInput>;
