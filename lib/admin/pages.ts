import type { PrismaClient } from "@/lib/db";
import { writeAudit, type Actor } from "@/lib/admin/audit-log";
import { fieldErrorsOf } from "@/lib/admin/form-fields";
import { pageInput } from "@/lib/admin/page-input";
import { invalid, refusingSlugRace, type SaveResult } from "@/lib/admin/results";
import { chooseSlug } from "@/lib/admin/slug";

/** Creates (no `id`) or updates a public page. An empty slug is generated from the title. */
export async function savePage({
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
  const parsed = pageInput.safeParse(input);
  if (!parsed.success) return invalid(fieldErrorsOf(parsed.error));
  const data = parsed.data;
  return refusingSlugRace(() =>
    db.$transaction(async (tx) => {
      if (id && !(await tx.page.findUnique({ where: { id }, select: { id: true } })))
        return { ok: false, reason: "not_found" } as const;
      const slug = await chooseSlug(tx, "page", {
        id,
        requested: data.slug,
        source: data.title,
        max: 110,
      });
      if (!slug) return invalid({ slug: ["slug_taken"] });
      const row = id
        ? await tx.page.update({ where: { id }, data: { ...data, slug } })
        : await tx.page.create({ data: { ...data, slug } });
      await writeAudit(tx, actor, {
        action: id ? "page.update" : "page.create",
        entityType: "page",
        entityId: row.id,
        summary: `${row.title} (/${row.slug})`,
      });
      return { ok: true, id: row.id } as const;
    }),
  );
}

/** Pages have nothing depending on them: deleting one only takes it off the site. */
export async function deletePage({
  db,
  actor,
  id,
}: {
  db: PrismaClient;
  actor: Actor;
  id: number;
}): Promise<{ ok: true } | { ok: false; reason: "not_found" }> {
  return db.$transaction(async (tx) => {
    const deleted = await tx.page.deleteMany({ where: { id } });
    if (deleted.count === 0) return { ok: false, reason: "not_found" } as const;
    await writeAudit(tx, actor, { action: "page.delete", entityType: "page", entityId: id });
    return { ok: true } as const;
  });
}
