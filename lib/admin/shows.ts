import type { PrismaClient } from "@/lib/db";
import { writeAudit, type Actor } from "@/lib/admin/audit-log";
import { fieldErrorsOf } from "@/lib/admin/form-fields";
import { invalid, refusingSlugRace, type DeleteResult, type SaveResult } from "@/lib/admin/results";
import { showInput } from "@/lib/admin/show-input";
import { chooseSlug } from "@/lib/admin/slug";

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
  const data = parsed.data;
  return refusingSlugRace(() =>
    db.$transaction(async (tx) => {
      if (id && !(await tx.show.findUnique({ where: { id }, select: { id: true } })))
        return { ok: false, reason: "not_found" } as const;
      const slug = await chooseSlug(tx, "show", {
        id,
        requested: data.slug,
        source: data.title,
        max: 200,
      });
      if (!slug) return invalid({ slug: ["slug_taken"] });
      const row = id
        ? await tx.show.update({ where: { id }, data: { ...data, slug } })
        : await tx.show.create({ data: { ...data, slug } });
      await writeAudit(tx, actor, {
        action: id ? "show.update" : "show.create",
        entityType: "show",
        entityId: row.id,
        summary: `${row.title} (${row.isPublished ? "published" : "draft"})`,
      });
      return { ok: true, id: row.id } as const;
    }),
  );
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
