import type { PrismaClient } from "@/lib/db";
import { writeAudit, type Actor } from "@/lib/audit/audit-log";
import { fieldErrorsOf } from "@/lib/admin/form-fields";
import { pageInput } from "@/lib/admin/page-input";
import { invalid, type SaveResult } from "@/lib/admin/results";
import { saveSlugged } from "@/lib/admin/save-slugged";

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
  return saveSlugged({
    db,
    actor,
    id,
    table: "page",
    data: parsed.data,
    slugSource: parsed.data.title,
    slugMax: 110,
    exists: async (tx, rowId) => (await tx.page.count({ where: { id: rowId } })) > 0,
    write: (tx, data) => (id ? tx.page.update({ where: { id }, data }) : tx.page.create({ data })),
    summary: (row) => `${row.title} (/${row.slug})`,
  });
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
