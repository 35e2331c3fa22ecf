import type { Db } from "@/lib/db";

/** Who acted: the signed-in admin. */
export type Actor = { id: number; email: string };

export type AuditRecord = {
  action: string;
  entityType: "show" | "venue" | "performance" | "page" | "user" | "reservation";
  entityId?: number | null;
  /** Human words for the log; never a password, token or a visitor's contact details. */
  summary?: string;
};

/** Records one admin mutation. Call it inside the mutation's transaction so both commit or neither. */
export async function writeAudit(db: Db, actor: Actor, record: AuditRecord): Promise<void> {
  await db.auditEntry.create({
    data: {
      actorId: actor.id,
      actorEmail: actor.email,
      action: record.action,
      entityType: record.entityType,
      entityId: record.entityId ?? null,
      summary: (record.summary ?? "").slice(0, 500),
    },
  });
}

export const AUDIT_PAGE_SIZE = 50;

/** Newest first, one page at a time; optionally only the entries about one row. */
export async function listAuditEntries(
  db: Db,
  {
    page = 1,
    entityType,
    entityId,
  }: { page?: number; entityType?: string; entityId?: number } = {},
) {
  const where = { ...(entityType ? { entityType } : {}), ...(entityId ? { entityId } : {}) };
  const [entries, total] = await Promise.all([
    db.auditEntry.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      skip: (page - 1) * AUDIT_PAGE_SIZE,
      take: AUDIT_PAGE_SIZE,
    }),
    db.auditEntry.count({ where }),
  ]);
  return { entries, total, page, pageCount: Math.max(1, Math.ceil(total / AUDIT_PAGE_SIZE)) };
}
