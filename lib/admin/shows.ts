import type { PrismaClient } from "@/lib/db";
import { writeAudit, type Actor } from "@/lib/audit/audit-log";
import { fieldErrorsOf } from "@/lib/admin/form-fields";
import { invalid, type DeleteResult, type SaveResult } from "@/lib/admin/results";
import { saveSlugged } from "@/lib/admin/save-slugged";
import { showInput } from "@/lib/admin/show-input";

/** Creates (no `id`) or updates a show. An empty slug is generated from the title. */
export async function saveShow({
  db,
  actor,
  id,
  input,
}: {
  db: PrismaClient;
  actor: Actor;
  id?: number;
  input: unknown;
}): Promise<SaveResult> {
  const parsed = showInput.safeParse(input);
  if (!parsed.success) return invalid(fieldErrorsOf(parsed.error));
  return saveSlugged({
    db,
    actor,
    id,
    table: "show",
    data: parsed.data,
    slugSource: parsed.data.title,
    slugMax: 200,
    exists: async (tx, rowId) => (await tx.show.count({ where: { id: rowId } })) > 0,
    write: (tx, data) => (id ? tx.show.update({ where: { id }, data }) : tx.show.create({ data })),
    summary: (row) => `${row.title} (${row.isPublished ? "published" : "draft"})`,
  });
}

export async function deleteShow({
  db,
  actor,
  id,
}: {
  db: PrismaClient;
  actor: Actor;
  id: number;
}): Promise<DeleteResult> {
  return db.$transaction(async (tx) => {
    const [show] = await tx.$queryRaw<
      { title: string }[]
    >`SELECT title FROM shows WHERE id = ${id} FOR UPDATE`;
    if (!show) return { ok: false, reason: "not_found" } as const;
    const count = await tx.performance.count({ where: { showId: id } });
    if (count > 0) return { ok: false, reason: "has_performances", count } as const;
    await tx.show.delete({ where: { id } });
    await writeAudit(tx, actor, {
      action: "show.delete",
      entityType: "show",
      entityId: id,
      summary: show.title,
    });
    return { ok: true } as const;
  });
}
