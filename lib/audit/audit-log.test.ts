import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { AUDIT_PAGE_SIZE, listAuditEntries, writeAudit } from "@/lib/audit/audit-log";
import { parseRowId } from "@/lib/validation/text";
import { createStaffUser } from "@/tests/support/factories";

describe("audit log", () => {
  it("lists entries newest first, a page at a time, and keeps the actor's email after the user changes", async () => {
    const user = await createStaffUser("ADMIN");
    const actor = { id: user.id, email: user.email };
    for (let i = 1; i <= AUDIT_PAGE_SIZE + 2; i += 1)
      await writeAudit(db, actor, {
        action: "show.update",
        entityType: "show",
        entityId: i,
        summary: `change ${i}`,
      });

    const first = await listAuditEntries(db);
    expect(first).toMatchObject({ total: AUDIT_PAGE_SIZE + 2, pageCount: 2 });
    expect(first.entries[0]).toMatchObject({
      summary: `change ${AUDIT_PAGE_SIZE + 2}`,
      actorEmail: user.email,
      actorId: user.id,
    });
    expect((await listAuditEntries(db, { page: 2 })).entries.map((entry) => entry.summary)).toEqual(
      ["change 2", "change 1"],
    );
    expect((await listAuditEntries(db, { entityType: "show", entityId: 7 })).entries).toHaveLength(
      1,
    );

    await db.user.update({ where: { id: user.id }, data: { email: "renamed@example.org" } });
    expect((await listAuditEntries(db)).entries[0].actorEmail).toBe(user.email);
  });
});

describe("parseRowId", () => {
  it("accepts positive database ids only", () => {
    expect(parseRowId("42")).toBe(42);
    for (const bad of [undefined, "", "0", "-1", "1e3", "01", "12abc", "99999999999"])
      expect(parseRowId(bad)).toBeNull();
  });
});
