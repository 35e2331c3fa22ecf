import { z } from "zod";
import { checkbox, optionalSlug, optionalText, requiredText } from "@/lib/admin/form-fields";

/**
 * A poster is an https URL or a path on this site (the CSP allows no other images). A
 * path starts with one `/`: `//host/…` and `/\\host/…` are other sites to a browser.
 */
export function isPosterUrl(url: string): boolean {
  if (url === "") return true;
  if (/[\s\\]/.test(url)) return false;
  if (url.startsWith("/")) return !url.startsWith("//");
  return /^https:\/\/[^/]/.test(url) && URL.canParse(url);
}

const posterUrl = z.preprocess(
  (value) => value ?? "",
  z.string().trim().max(500, "too_long").refine(isPosterUrl, "invalid_url"),
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
