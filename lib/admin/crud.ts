import type { z } from "zod";
import type { PrismaClient } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { writeAudit, type Actor } from "@/lib/audit/audit-log";
import { fieldErrorsOf } from "@/lib/admin/form-fields";
import { invalid, refusingSlugRace, type DeleteResult, type SaveResult } from "@/lib/admin/results";
import { chooseSlug, type SluggedTable } from "@/lib/admin/slug";

type Tx = Prisma.TransactionClient;

export type AdminEntity = "show" | "venue" | "page" | "performance";

const TABLES: Record<AdminEntity, string> = {
  show: "shows",
  venue: "venues",
  page: "pages",
  performance: "performances",
};

/**
 * Locks one row (`FOR UPDATE`, so a concurrent confirmation or edit waits) and returns
 * `label`, an SQL expression naming it for the audit log; null when there is no such row.
 * Table and expression are constants of this module's callers, never user input.
 */
export async function lockRow(
  tx: Tx,
  entity: AdminEntity,
  id: number,
  label = "id::text",
): Promise<string | null> {
  const rows = await tx.$queryRaw<{ label: string }[]>(
    Prisma.sql`SELECT ${Prisma.raw(label)} AS label FROM ${Prisma.raw(TABLES[entity])} WHERE id = ${id} FOR UPDATE`,
  );
  return rows[0]?.label ?? null;
}

/** How one kind of row is deleted: what names it, what protects it. */
export type DeleteRule = {
  entity: AdminEntity;
  /** SQL expression naming the row in the audit entry. */
  label: string;
  /** PROTECT, as in the seed: dependent rows keep this one; `count` says how many. */
  protectedBy?: {
    reason: "has_performances" | "has_reservations";
    count: (tx: Tx, id: number) => Promise<number>;
  };
  remove: (tx: Tx, id: number) => Promise<unknown>;
};

/** Deletes a row unless something depends on it, in one transaction with its audit entry. */
export function deleteProtected(
  rule: DeleteRule,
  { db, actor, id }: { db: PrismaClient; actor: Actor; id: number },
): Promise<DeleteResult> {
  return db.$transaction(async (tx) => {
    const label = await lockRow(tx, rule.entity, id, rule.label);
    if (label === null) return { ok: false, reason: "not_found" } as const;
    if (rule.protectedBy) {
      const count = await rule.protectedBy.count(tx, id);
      if (count > 0) return { ok: false, reason: rule.protectedBy.reason, count } as const;
    }
    await rule.remove(tx, id);
    await writeAudit(tx, actor, {
      action: `${rule.entity}.delete`,
      entityType: rule.entity,
      entityId: id,
      summary: label,
    });
    return { ok: true } as const;
  });
}

/** A row with a public slug (show, venue, page): its schema and how it is written. */
export type SluggedRule<Data extends { slug: string }, Row extends { id: number }> = {
  entity: SluggedTable;
  input: z.ZodType<Data>;
  /** What an empty slug is generated from (the title or name). */
  slugSource: (data: Data) => string;
  slugMax: number;
  /** Creates the row when `id` is undefined, else updates it. */
  write: (tx: Tx, id: number | undefined, data: Data) => Promise<Row>;
  summary: (row: Row) => string;
};

/**
 * Creates (no `id`) or updates a slugged row in one transaction with its audit entry:
 * refuses an unknown `id`, stores the typed slug or one generated from the title, and
 * turns a slug taken meanwhile into a field error.
 */
export async function saveSlugged<Data extends { slug: string }, Row extends { id: number }>(
  rule: SluggedRule<Data, Row>,
  { db, actor, id, input }: { db: PrismaClient; actor: Actor; id?: number; input: unknown },
): Promise<SaveResult> {
  const parsed = rule.input.safeParse(input);
  if (!parsed.success) return invalid(fieldErrorsOf(parsed.error));
  const data = parsed.data;
  return refusingSlugRace(() =>
    db.$transaction(async (tx) => {
      if (id && (await lockRow(tx, rule.entity, id)) === null)
        return { ok: false, reason: "not_found" } as const;
      const slug = await chooseSlug(tx, rule.entity, {
        id,
        requested: data.slug,
        source: rule.slugSource(data),
        max: rule.slugMax,
      });
      if (!slug) return invalid({ slug: ["slug_taken"] });
      const row = await rule.write(tx, id, { ...data, slug });
      await writeAudit(tx, actor, {
        action: `${rule.entity}.${id ? "update" : "create"}`,
        entityType: rule.entity,
        entityId: row.id,
        summary: rule.summary(row),
      });
      return { ok: true, id: row.id } as const;
    }),
  );
}
