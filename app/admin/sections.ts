import type { CrudSection } from "@/app/admin/crud-actions";
import {
  deletePage,
  deleteShow,
  deleteVenue,
  savePage,
  saveShow,
  saveVenue,
} from "@/lib/admin/catalog";
import { deletePerformance, savePerformance } from "@/lib/admin/performances";
import { db } from "@/lib/db";
import { tokenSettings } from "@/web/settings";

// The four sections of the generic list / edit / delete-with-protect shape.

export const showsSection: CrudSection = {
  path: "/admin/shows",
  entity: "show",
  save: ({ user }, id, input) => saveShow({ db, actor: user, id, input }),
  remove: ({ user }, id) => deleteShow({ db, actor: user, id }),
};

export const venuesSection: CrudSection = {
  path: "/admin/venues",
  entity: "venue",
  save: ({ user }, id, input) => saveVenue({ db, actor: user, id, input }),
  remove: ({ user }, id) => deleteVenue({ db, actor: user, id }),
};

export const pagesSection: CrudSection = {
  path: "/admin/pages",
  entity: "page",
  save: ({ user }, id, input) => savePage({ db, actor: user, id, input }),
  remove: ({ user }, id) => deletePage({ db, actor: user, id }),
};

export const performancesSection: CrudSection = {
  path: "/admin/performances",
  entity: "performance",
  save: ({ user, timeZone }, id, input) =>
    savePerformance({ db, actor: user, id, input, timeZone, tokenSettings: tokenSettings() }),
  remove: ({ user }, id) => deletePerformance({ db, actor: user, id }),
  savedTo: (id) => `/admin/performances/${id}?notice=performance_saved`,
};
