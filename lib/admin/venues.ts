import type { PrismaClient } from "@/lib/db";
import { writeAudit, type Actor } from "@/lib/admin/audit-log";
import { fieldErrorsOf } from "@/lib/admin/form-fields";
import { invalid, refusingSlugRace, type DeleteResult, type SaveResult } from "@/lib/admin/results";
import { chooseSlug } from "@/lib/admin/slug";
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
  const data = parsed.data;
  return refusingSlugRace(() =>
    db.$transaction(async (tx) => {
      if (id && !(await tx.venue.findUnique({ where: { id }, select: { id: true } })))
        return { ok: false, reason: "not_found" } as const;
      const slug = await chooseSlug(tx, "venue", {
        id,
        requested: data.slug,
        source: data.name,
        max: 200,
      });
      if (!slug) return invalid({ slug: ["slug_taken"] });
      const row = id
        ? await tx.venue.update({ where: { id }, data: { ...data, slug } })
        : await tx.venue.create({ data: { ...data, slug } });
      await writeAudit(tx, actor, {
        action: id ? "venue.update" : "venue.create",
        entityType: "venue",
        entityId: row.id,
        summary: `${row.name}, ${row.city}`,
      });
      return { ok: true, id: row.id } as const;
    }),
  );
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
