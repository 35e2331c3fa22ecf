import { z } from "zod";
import {
  checkbox,
  optionalLine,
  optionalSlug,
  optionalText,
  requiredText,
} from "@/lib/admin/form-fields";

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

/** Minutes, 1 to 1440; empty = not stated. */
const runningTime = z.preprocess(
  (value) => (value === "" || value === undefined ? null : value),
  z.coerce
    .number({ error: "whole_number" })
    .int("whole_number")
    .min(1, "duration_range")
    .max(1440, "duration_range")
    .nullable(),
);

export const showInput = z.object({
  title: requiredText(200),
  slug: optionalSlug(220),
  summary: optionalText(500),
  description: optionalText(20_000),
  summaryEn: optionalText(500),
  descriptionEn: optionalText(20_000),
  posterImage: posterUrl,
  // The uploaded poster itself is a file beside these fields (lib/posters); its text is here.
  posterAlt: optionalLine(300),
  posterAltEn: optionalLine(300),
  /** Ticked: the uploaded poster is taken off the show. */
  removePoster: checkbox,
  durationMinutes: runningTime,
  isPublished: checkbox,
});

export type ShowInput = z.output<typeof showInput>;
