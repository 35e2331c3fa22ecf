import { z } from "zod";
import { optionalSlug, optionalText, requiredText } from "@/lib/admin/form-fields";

export const venueInput = z.object({
  name: requiredText(200),
  slug: optionalSlug(220),
  address: requiredText(255),
  city: requiredText(120),
  /** Internal: staff and admins only. */
  notes: optionalText(2_000),
  /** For visitors, on show and booking pages; empty English = the Italian text. */
  publicNotes: optionalText(2_000),
  publicNotesEn: optionalText(2_000),
  /** What a new performance here starts from (issue 17); empty = none. */
  defaultCapacity: z.preprocess(
    (value) => (value === "" || value === undefined ? null : value),
    z.coerce
      .number({ error: "whole_number" })
      .int("whole_number")
      .min(0, "not_negative")
      .max(100_000, "too_large")
      .nullable(),
  ),
});

export type VenueInput = z.output<typeof venueInput>;
