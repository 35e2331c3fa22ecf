import type { Db, PrismaClient } from "@/lib/db";
import type { Actor } from "@/lib/audit/audit-log";
import { deleteProtected, saveSlugged, type DeleteRule, type SluggedRule } from "@/lib/admin/crud";
import { fieldErrorsOf } from "@/lib/admin/form-fields";
import { invalid, type SaveResult } from "@/lib/admin/results";
import { preparePoster, type PreparedPoster } from "@/lib/posters/prepare-poster";
import { deleteUnusedPoster, storePoster } from "@/lib/posters/poster-store";
import { POSTER_SELECT } from "@/lib/posters/poster-image";
import { pageInput, type PageInput } from "@/lib/admin/page-input";
import { showInput, type ShowInput } from "@/lib/admin/show-input";
import { venueInput, type VenueInput } from "@/lib/admin/venue-input";

// Shows, venues and pages: the generic save and delete of lib/admin/crud.ts, configured.

type Save = { db: PrismaClient; actor: Actor; id?: number; input: unknown };
type Delete = { db: PrismaClient; actor: Actor; id: number };

type ShowRow = { id: number; title: string; isPublished: boolean };

/**
 * A show's rule; `poster` is an upload already checked and encoded (stored in the same
 * transaction as the show and its audit entry). A replaced or removed poster that no
 * other show uses is deleted with it.
 */
function showRule(poster: PreparedPoster | null): SluggedRule<ShowInput, ShowRow> {
  return {
    entity: "show",
    input: showInput,
    slugSource: (show) => show.title,
    slugMax: 200,
    write: async (tx, id, { removePoster, ...data }) => {
      const before = id
        ? await tx.show.findUnique({ where: { id }, select: { posterId: true } })
        : null;
      const posterId = poster ? await storePoster(tx, poster) : removePoster ? null : undefined;
      const row = id
        ? await tx.show.update({ where: { id }, data: { ...data, posterId } })
        : await tx.show.create({ data: { ...data, posterId } });
      if (before?.posterId && posterId !== undefined && before.posterId !== posterId)
        await deleteUnusedPoster(tx, before.posterId);
      return row;
    },
    summary: (row) =>
      `${row.title} (${row.isPublished ? "published" : "draft"})${poster ? ", new poster" : ""}`,
  };
}

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

/**
 * Creates (no `id`) or updates a show. An empty slug is generated from the title.
 * `poster` is an uploaded file's bytes (none: the poster stays as it is): checked and
 * encoded before the transaction; a refused file is a field error and nothing is stored.
 */
export async function saveShow({
  poster,
  ...args
}: Save & { poster?: Uint8Array | null }): Promise<SaveResult> {
  if (!poster || poster.length === 0) return saveSlugged(showRule(null), args);
  const prepared = await preparePoster(poster);
  if (!prepared.ok) {
    const parsed = showInput.safeParse(args.input);
    const fieldErrors = parsed.success ? {} : fieldErrorsOf(parsed.error);
    return invalid({ ...fieldErrors, poster: [prepared.reason] });
  }
  return saveSlugged(showRule(prepared.poster), args);
}
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

/** A show with its uploaded poster's sizes and variants (for the form's preview). */
export function showById(db: Db, id: number) {
  return db.show.findUnique({ where: { id }, include: { poster: { select: POSTER_SELECT } } });
}

export function venueById(db: Db, id: number) {
  return db.venue.findUnique({ where: { id } });
}

export function pageById(db: Db, id: number) {
  return db.page.findUnique({ where: { id } });
}
