import type { PrismaClient } from "@/lib/db";
import { writeAudit, type Actor } from "@/lib/audit/audit-log";
import { fieldErrorsOf } from "@/lib/admin/form-fields";
import { invalid, type DeleteResult, type SaveResult } from "@/lib/admin/results";
import { saveSlugged } from "@/lib/admin/save-slugged";
import { venueInput } from "@/lib/admin/venue-input";

/** Creates (no `id`) or updates a venue. An empty slug is generated from the name. */
export async function saveVenue({
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
  const parsed = venueInput.safeParse(input);
  if (!parsed.success) return invalid(fieldErrorsOf(parsed.error));
  return saveSlugged({
    db,
    actor,
    id,
    table: "venue",
    data: parsed.data,
    slugSource: parsed.data.name,
    slugMax: 200,
    exists: async (tx, rowId) => (await tx.venue.count({ where: { id: rowId } })) > 0,
    write: (tx, data) =>
      id ? tx.venue.update({ where: { id }, data }) : tx.venue.create({ data }),
    summary: (row) => `${row.name}, ${row.city}`,
  });
}

export async function deleteVenue({
  db,
  actor,
  id,
}: {
  db: PrismaClient;
  actor: Actor;
  id: number;
}): Promise<DeleteResult> {
  return db.$transaction(async (tx) => {
    const [venue] = await tx.$queryRaw<
      { name: string }[]
    >`SELECT name FROM venues WHERE id = ${id} FOR UPDATE`;
    if (!venue) return { ok: false, reason: "not_found" } as const;
    const count = await tx.performance.count({ where: { venueId: id } });
    if (count > 0) return { ok: false, reason: "has_performances", count } as const;
    await tx.venue.delete({ where: { id } });
    await writeAudit(tx, actor, {
      action: "venue.delete",
      entityType: "venue",
      entityId: id,
      summary: venue.name,
    });
    return { ok: true } as const;
  });
}
