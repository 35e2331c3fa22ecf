import type { Db, PrismaClient } from "@/lib/db";
import type { Actor } from "@/lib/audit/audit-log";
import { deleteProtected, saveSlugged, type DeleteRule, type SluggedRule } from "@/lib/admin/crud";
import { pageInput, type PageInput } from "@/lib/admin/page-input";
import { showInput, type ShowInput } from "@/lib/admin/show-input";
import { venueInput, type VenueInput } from "@/lib/admin/venue-input";

// Shows, venues and pages: the generic save and delete of lib/admin/crud.ts, configured.

type Save = { db: PrismaClient; actor: Actor; id?: number; input: unknown };
type Delete = { db: PrismaClient; actor: Actor; id: number };

const showRule: SluggedRule<ShowInput, { id: number; title: string; isPublished: boolean }> = {
  entity: "show",
  input: showInput,
  slugSource: (show) => show.title,
  slugMax: 200,
  write: (tx, id, data) =>
    id ? tx.show.update({ where: { id }, data }) : tx.show.create({ data }),
  summary: (row) => `${row.title} (${row.isPublished ? "published" : "draft"})`,
};

const venueRule: SluggedRule<VenueInput, { id: number; name: string; city: string }> = {
  entity: "venue",
  input: venueInput,
  slugSource: (venue) => venue.name,
  slugMax: 200,
  write: (tx, id, data) =>
    id ? tx.venue.update({ where: { id }, data }) : tx.venue.create({ data }),
  summary: (row) => `${row.name}, ${row.city}`,
};

const pageRule: SluggedRule<PageInput, { id: number; title: string; slug: string }> = {
  entity: "page",
  input: pageInput,
  slugSource: (page) => page.title,
  slugMax: 110,
  write: (tx, id, data) =>
    id ? tx.page.update({ where: { id }, data }) : tx.page.create({ data }),
  summary: (row) => `${row.title} (/${row.slug})`,
};

const showDelete: DeleteRule = {
  entity: "show",
  label: "title",
  protectedBy: {
    reason: "has_performances",
    count: (tx, id) => tx.performance.count({ where: { showId: id } }),
  },
  remove: (tx, id) => tx.show.delete({ where: { id } }),
};

const venueDelete: DeleteRule = {
  entity: "venue",
  label: "name",
  protectedBy: {
    reason: "has_performances",
    count: (tx, id) => tx.performance.count({ where: { venueId: id } }),
  },
  remove: (tx, id) => tx.venue.delete({ where: { id } }),
};

/** Pages have nothing depending on them: deleting one only takes it off the site. */
const pageDelete: DeleteRule = {
  entity: "page",
  label: "title",
  remove: (tx, id) => tx.page.delete({ where: { id } }),
};

/** Creates (no `id`) or updates a show. An empty slug is generated from the title. */
export const saveShow = (args: Save) => saveSlugged(showRule, args);
/** Creates (no `id`) or updates a venue. An empty slug is generated from the name. */
export const saveVenue = (args: Save) => saveSlugged(venueRule, args);
/** Creates (no `id`) or updates a public page. An empty slug is generated from the title. */
export const savePage = (args: Save) => saveSlugged(pageRule, args);

export const deleteShow = (args: Delete) => deleteProtected(showDelete, args);
export const deleteVenue = (args: Delete) => deleteProtected(venueDelete, args);
export const deletePage = (args: Delete) => deleteProtected(pageDelete, args);

const performanceCount = { _count: { select: { performances: true } } } as const;

/** Every show by title, with how many performances it has. */
export function showList(db: Db) {
  return db.show.findMany({ orderBy: { title: "asc" }, include: performanceCount });
}

/** Every venue by name, with how many performances it has. */
export function venueList(db: Db) {
  return db.venue.findMany({ orderBy: { name: "asc" }, include: performanceCount });
}

/** Every public page by title. */
export function pageList(db: Db) {
  return db.page.findMany({ orderBy: { title: "asc" } });
}

export function showById(db: Db, id: number) {
  return db.show.findUnique({ where: { id } });
}

export function venueById(db: Db, id: number) {
  return db.venue.findUnique({ where: { id } });
}

export function pageById(db: Db, id: number) {
  return db.page.findUnique({ where: { id } });
}
