import type { CrudSection } from "@/app/admin/crud-actions";
import * as catalog from "@/lib/admin/catalog";
import { deletePerformance, savePerformance } from "@/lib/admin/performances";
import { db } from "@/lib/db";
import { tokenSettings, waitlistSettings } from "@/web/settings";

// The four sections of the generic list / edit / delete-with-protect shape.

/** A section whose rows are saved and deleted with only the admin as context. */
function section(
  path: string,
  entity: "show" | "venue" | "page",
  save: typeof catalog.saveShow,
  remove: typeof catalog.deleteShow,
): CrudSection {
  return {
    path,
    entity,
    save: ({ user }, id, input) => save({ db, actor: user, id, input }),
    remove: ({ user }, id) => remove({ db, actor: user, id }),
  };
}

/** A file field's bytes; an empty field (no file chosen) is none. */
async function uploadedBytes(value: FormDataEntryValue | null): Promise<Uint8Array | null> {
  if (!(value instanceof File) || value.size === 0) return null;
  return new Uint8Array(await value.arrayBuffer());
}

export const showsSection: CrudSection = {
  ...section("/admin/shows", "show", catalog.saveShow, catalog.deleteShow),
  save: async ({ user }, id, input, form) =>
    catalog.saveShow({
      db,
      actor: user,
      id,
      input,
      poster: await uploadedBytes(form.get("poster")),
    }),
};
export const venuesSection = section(
  "/admin/venues",
  "venue",
  catalog.saveVenue,
  catalog.deleteVenue,
);
export const pagesSection = section("/admin/pages", "page", catalog.savePage, catalog.deletePage);

export const performancesSection: CrudSection = {
  path: "/admin/performances",
  entity: "performance",
  save: ({ user, timeZone }, id, input) =>
    savePerformance({
      db,
      actor: user,
      id,
      input,
      timeZone,
      tokenSettings: tokenSettings(),
      waitlist: waitlistSettings(),
    }),
  remove: ({ user }, id) => deletePerformance({ db, actor: user, id }),
  savedTo: (id) => `/admin/performances/${id}?notice=performance_saved`,
};
