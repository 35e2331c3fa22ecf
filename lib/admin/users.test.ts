import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createStaffAccount, resetStaffPassword, updateStaffAccount } from "@/lib/admin/users";
import { passwordResetInput } from "@/lib/admin/user-input";
import { MIN_PASSWORD_LENGTH } from "@/lib/password-policy";
import { passwordWeakness, verifyPassword } from "@/lib/passwords";
import { createStaffUser } from "@/tests/support/factories";

async function admin() {
  const user = await createStaffUser("ADMIN");
  return { id: user.id, email: user.email };
}

describe("staff accounts", () => {
  it("the form's minimum length is the password rule's", () => {
    const short = "Sipario-rosso-42".slice(0, MIN_PASSWORD_LENGTH - 1);
    expect(passwordResetInput.safeParse({ password: short }).success).toBe(false);
    expect(passwordWeakness(short)).toMatch(/at least/);
    const long = "Sipario-rosso-42".slice(0, MIN_PASSWORD_LENGTH);
    expect(passwordResetInput.safeParse({ password: long }).success).toBe(true);
  });

  it("creates a staff member with a strong password and logs it without the password", async () => {
    const actor = await admin();
    const created = await createStaffAccount({
      db,
      actor,
      input: {
        email: "Porta@Example.org",
        name: "Giulia",
        role: "STAFF",
        password: "Platea-Galleria-77",
      },
    });
    if (!created.ok) throw new Error(JSON.stringify(created));
    const user = await db.user.findUniqueOrThrow({ where: { id: created.id } });
    expect(user).toMatchObject({ email: "porta@example.org", role: "STAFF", isActive: true });
    expect(await verifyPassword(user.passwordHash, "Platea-Galleria-77")).toBe(true);
    const entry = await db.auditEntry.findFirstOrThrow({
      where: { entityType: "user", entityId: created.id },
    });
    expect(entry.summary).toBe("porta@example.org (STAFF)");
    expect(JSON.stringify(entry)).not.toContain("Platea");
  });

  it("refuses weak passwords and taken emails on their fields", async () => {
    const actor = await admin();
    expect(
      await createStaffAccount({
        db,
        actor,
        input: { email: "a@example.org", role: "STAFF", password: "short" },
      }),
    ).toMatchObject({ fieldErrors: { password: ["password_too_short"] } });
    expect(
      await createStaffAccount({
        db,
        actor,
        input: { email: "a@example.org", role: "STAFF", password: "mypassword-is-long" },
      }),
    ).toMatchObject({ fieldErrors: { password: ["weak_password"] } });
    expect(
      await createStaffAccount({
        db,
        actor,
        input: { email: actor.email, role: "STAFF", password: "Platea-Galleria-77" },
      }),
    ).toMatchObject({ fieldErrors: { email: ["email_taken"] } });
    expect(
      await createStaffAccount({
        db,
        actor,
        input: { email: "nope", role: "OWNER", password: "Platea-Galleria-77" },
      }),
    ).toMatchObject({
      fieldErrors: { email: ["invalid_email"], role: ["invalid_choice"] },
    });
  });

  it("creates the account and its audit entry in one transaction: no entry, no account", async () => {
    // An actor that is no user: the audit entry's foreign key refuses it, after the account row.
    const ghost = { id: 2_147_483_000, email: "ghost@example.org" };
    await expect(
      createStaffAccount({
        db,
        actor: ghost,
        input: {
          email: "orphan@example.org",
          name: "",
          role: "STAFF",
          password: "Quinta-Fila-Centrale-9",
        },
      }),
    ).rejects.toThrow();
    expect(await db.user.count({ where: { email: "orphan@example.org" } })).toBe(0);
  });

  it("resets a password; the old one stops working", async () => {
    const actor = await admin();
    const created = await createStaffAccount({
      db,
      actor,
      input: { email: "cassa@example.org", role: "STAFF", password: "Platea-Galleria-77" },
    });
    if (!created.ok) throw new Error("not created");
    expect(
      await resetStaffPassword({
        db,
        actor,
        id: created.id,
        input: { password: "Loggione-Centrale-5" },
      }),
    ).toEqual({ ok: true, id: created.id });
    const user = await db.user.findUniqueOrThrow({ where: { id: created.id } });
    expect(await verifyPassword(user.passwordHash, "Loggione-Centrale-5")).toBe(true);
    expect(await verifyPassword(user.passwordHash, "Platea-Galleria-77")).toBe(false);
    expect(
      await resetStaffPassword({
        db,
        actor,
        id: created.id,
        input: { password: "cassa-cassa-cassa" },
      }),
    ).toMatchObject({ fieldErrors: { password: ["weak_password"] } });
  });

  it("deactivates, reactivates and changes roles of others, but never the admin's own access", async () => {
    const actor = await admin();
    const other = await createStaffUser("STAFF");
    expect(
      await updateStaffAccount({
        db,
        actor,
        id: other.id,
        input: { name: "Marco", role: "STAFF" },
      }),
    ).toEqual({ ok: true, id: other.id });
    expect(await db.user.findUniqueOrThrow({ where: { id: other.id } })).toMatchObject({
      isActive: false,
      name: "Marco",
    });
    expect(
      await updateStaffAccount({
        db,
        actor,
        id: other.id,
        input: { name: "Marco", role: "ADMIN", isActive: "on" },
      }),
    ).toEqual({ ok: true, id: other.id });
    expect(await db.user.findUniqueOrThrow({ where: { id: other.id } })).toMatchObject({
      isActive: true,
      role: "ADMIN",
    });

    expect(await updateStaffAccount({ db, actor, id: actor.id, input: { role: "ADMIN" } })).toEqual(
      { ok: false, reason: "cannot_change_own_access" },
    );
    expect(
      await updateStaffAccount({
        db,
        actor,
        id: actor.id,
        input: { role: "STAFF", isActive: "on" },
      }),
    ).toEqual({ ok: false, reason: "cannot_change_own_access" });
    expect(
      await updateStaffAccount({
        db,
        actor,
        id: actor.id,
        input: { name: "Chiara", role: "ADMIN", isActive: "on" },
      }),
    ).toEqual({ ok: true, id: actor.id });
    expect(await db.user.findUniqueOrThrow({ where: { id: actor.id } })).toMatchObject({
      isActive: true,
      role: "ADMIN",
      name: "Chiara",
    });

    const log = await db.auditEntry.findMany({
      where: { entityType: "user", entityId: other.id },
      orderBy: { id: "asc" },
    });
    expect(log.map((entry) => entry.summary)).toEqual([
      `${other.email}, deactivated`,
      `${other.email}, role STAFF -> ADMIN, reactivated`,
    ]);
  });
});
