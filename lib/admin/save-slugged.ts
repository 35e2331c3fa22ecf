import type { PrismaClient } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { writeAudit, type Actor } from "@/lib/audit/audit-log";
import { invalid, refusingSlugRace, type SaveResult } from "@/lib/admin/results";
import { chooseSlug } from "@/lib/admin/slug";

type Tx = Prisma.TransactionClient;

/**
 * Creates (no `id`) or updates a row that has a public slug (show, venue, page), in one
 * transaction with its audit entry: refuses an unknown `id`, stores the typed slug or one
 * generated from `slugSource`, and turns a slug taken meanwhile into a field error.
 */
export async function saveSlugged<Data extends { slug: string }, Row extends { id: number }>({
  db,
  actor,
  id,
  table,
  data,
  slugSource,
  slugMax,
  exists,
  write,
  summary,
}: {
  db: PrismaClient;
  actor: Actor;
  id?: number;
  table: "show" | "venue" | "page";
  data: Data;
  slugSource: string;
  slugMax: number;
  exists: (tx: Tx, id: number) => Promise<boolean>;
  /** Creates the row when `id` is undefined, else updates it. */
  write: (tx: Tx, data: Data) => Promise<Row>;
  summary: (row: Row) => string;
}): Promise<SaveResult> {
  return refusingSlugRace(() =>
    db.$transaction(async (tx) => {
      if (id && !(await exists(tx, id))) return { ok: false, reason: "not_found" } as const;
      const slug = await chooseSlug(tx, table, {
        id,
        requested: data.slug,
        source: slugSource,
        max: slugMax,
      });
      if (!slug) return invalid({ slug: ["slug_taken"] });
      const row = await write(tx, { ...data, slug });
      await writeAudit(tx, actor, {
        action: `${table}.${id ? "update" : "create"}`,
        entityType: table,
        entityId: row.id,
        summary: summary(row),
      });
      return { ok: true, id: row.id } as const;
    }),
  );
}
