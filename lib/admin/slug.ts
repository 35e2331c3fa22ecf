import type { Db } from "@/lib/db";

/** "Il giardino dei ciliegi!" -> "il-giardino-dei-ciliegi"; accents dropped, at most `max` characters. */
export function slugify(text: string, max = 200): string {
  return text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, max)
    .replace(/-+$/g, "");
}

/**
 * `base`, or `base-2`, `base-3`... whichever no other row uses yet. `taken` says whether
 * a slug is in use by a row other than the one being edited.
 */
export async function firstFreeSlug(
  base: string,
  taken: (slug: string) => Promise<boolean>,
): Promise<string> {
  const root = base || "senza-titolo";
  for (let n = 1; ; n += 1) {
    const candidate = n === 1 ? root : `${root}-${n}`;
    if (!(await taken(candidate))) return candidate;
  }
}

export type SluggedTable = "show" | "venue" | "page";

/** Whether `slug` belongs to a row of `table` other than `exceptId`. */
export function slugTakenIn(db: Db, table: SluggedTable, exceptId?: number) {
  return async (slug: string) => {
    const where = { slug, ...(exceptId ? { NOT: { id: exceptId } } : {}) };
    const count =
      table === "show"
        ? await db.show.count({ where })
        : table === "venue"
          ? await db.venue.count({ where })
          : await db.page.count({ where });
    return count > 0;
  };
}

/**
 * The slug to store: the one the admin typed, or one generated from `source` when the
 * field was left empty. Null when the typed slug belongs to another row.
 */
export async function chooseSlug(
  db: Db,
  table: SluggedTable,
  { id, requested, source, max }: { id?: number; requested: string; source: string; max: number },
) {
  const taken = slugTakenIn(db, table, id);
  if (requested) return (await taken(requested)) ? null : requested;
  return firstFreeSlug(slugify(source, max), taken);
}
