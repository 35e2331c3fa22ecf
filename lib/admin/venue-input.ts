import { z } from "zod";
import { optionalSlug, optionalText, requiredText } from "@/lib/admin/form-fields";

export const venueInput = z.object({
  name: requiredText(200),
  slug: optionalSlug(220),
  address: requiredText(255),
  city: requiredText(120),
  notes: optionalText(2_000),
});

export type VenueInput = z.output<typeof venueInput>;
