import type { Db, PrismaClient } from "@/lib/db";
import { writeAudit, type Actor } from "@/lib/audit/audit-log";
import { fieldErrorsOf } from "@/lib/admin/form-fields";
import { invalid, type SaveResult } from "@/lib/admin/results";
import { newUserInput, passwordResetInput, userUpdateInput } from "@/lib/admin/user-input";
import { hashPassword, passwordWeakness } from "@/lib/passwords";
import { createUser } from "@/lib/users";

/** An admin's change to one account: `input` is the submitted form, parsed here. */
type AccountChange = { db: PrismaClient; actor: Actor; id: number; input: unknown };

/** The full strength rule (lib/passwords.ts), which the browser-side schema cannot run. */
function weakPasswordErrors(password: string, email: string) {
  return passwordWeakness(password, email) ? { password: ["weak_password"] } : null;
}

/** Creates a staff member or admin, and its audit entry, in one transaction. */
export async function createStaffAccount({
  db,
  actor,
  input,
}: Omit<AccountChange, "id">): Promise<SaveResult> {
  const parsed = newUserInput.safeParse(input);
  if (!parsed.success) return invalid(fieldErrorsOf(parsed.error));
  const weak = weakPasswordErrors(parsed.data.password, parsed.data.email);
  if (weak) return invalid(weak);
  const created = await createUser(db, parsed.data, { recordedBy: actor });
  if (!created.ok)
    return invalid(
      created.reason === "email_taken"
        ? { email: ["email_taken"] }
        : { password: ["weak_password"] },
    );
  return { ok: true, id: created.user.id };
}

export type UpdateUserResult = SaveResult | { ok: false; reason: "cannot_change_own_access" };

/**
 * Changes name, role and active flag. An admin cannot deactivate or demote themself:
 * that could leave the theatre with nobody able to sign in to /admin.
 */
export async function updateStaffAccount({
  db,
  actor,
  id,
  input,
}: AccountChange): Promise<UpdateUserResult> {
  const parsed = userUpdateInput.safeParse(input);
  if (!parsed.success) return invalid(fieldErrorsOf(parsed.error));
  const data = parsed.data;
  if (id === actor.id && (data.role !== "ADMIN" || !data.isActive))
    return { ok: false, reason: "cannot_change_own_access" };
  return db.$transaction(async (tx) => {
    const before = await tx.user.findUnique({
      where: { id },
      select: { email: true, role: true, isActive: true },
    });
    if (!before) return { ok: false, reason: "not_found" } as const;
    // A new role or a deactivation ends the user's sessions at once (lib/auth/session.ts);
    // a reactivation does too, so that a cookie from before the deactivation stays dead.
    const accessChanged = before.role !== data.role || before.isActive !== data.isActive;
    await tx.user.update({
      where: { id },
      data: { ...data, ...(accessChanged && { sessionVersion: { increment: 1 } }) },
    });
    const changes = [
      before.role !== data.role ? `role ${before.role} -> ${data.role}` : null,
      before.isActive !== data.isActive ? (data.isActive ? "reactivated" : "deactivated") : null,
    ].filter(Boolean);
    await writeAudit(tx, actor, {
      action: "user.update",
      entityType: "user",
      entityId: id,
      summary: [before.email, ...changes].join(", "),
    });
    return { ok: true, id } as const;
  });
}

/** Sets a new password; the audit entry says that it changed, never what to. */
export async function resetStaffPassword({
  db,
  actor,
  id,
  input,
}: AccountChange): Promise<SaveResult> {
  const parsed = passwordResetInput.safeParse(input);
  if (!parsed.success) return invalid(fieldErrorsOf(parsed.error));
  const user = await db.user.findUnique({ where: { id }, select: { email: true } });
  if (!user) return { ok: false, reason: "not_found" };
  const weak = weakPasswordErrors(parsed.data.password, user.email);
  if (weak) return invalid(weak);
  const passwordHash = await hashPassword(parsed.data.password);
  await db.$transaction(async (tx) => {
    // A new password ends every session signed in with the old one.
    await tx.user.update({
      where: { id },
      data: { passwordHash, sessionVersion: { increment: 1 } },
    });
    await writeAudit(tx, actor, {
      action: "user.password_reset",
      entityType: "user",
      entityId: id,
      summary: user.email,
    });
  });
  return { ok: true, id };
}

const userColumns = { id: true, email: true, name: true, role: true, isActive: true } as const;

/** Every account, active ones first, by email. */
export function userList(db: Db) {
  return db.user.findMany({
    orderBy: [{ isActive: "desc" }, { email: "asc" }],
    select: userColumns,
  });
}

export function userById(db: Db, id: number) {
  return db.user.findUnique({ where: { id }, select: userColumns });
}
