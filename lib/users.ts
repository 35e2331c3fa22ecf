import type { PrismaClient } from "@/lib/db";
import type { UserRole } from "@/lib/generated/prisma/enums";
import { writeAudit, type Actor } from "@/lib/audit/audit-log";
import { fieldErrorsOf, type FieldErrors } from "@/lib/admin/form-fields";
import { newUserInput, type NewUserInput } from "@/lib/admin/user-input";
import { hashPassword, passwordWeakness } from "@/lib/passwords";
import { isUniqueViolation } from "@/lib/prisma-errors";

export type CreateUserResult =
  | { ok: true; user: { id: number; email: string; role: UserRole } }
  | { ok: false; reason: "invalid"; fieldErrors: FieldErrors }
  | { ok: false; reason: "email_taken" };

/**
 * Creates an account (admin form or `npm run user:create`). Field errors are the schema's
 * codes, except the password's, which says in words why it is too weak. With `recordedBy`
 * the audit entry is written in the same transaction as the account.
 */
export async function createUser(
  db: PrismaClient,
  input: NewUserInput,
  { recordedBy }: { recordedBy?: Actor } = {},
): Promise<CreateUserResult> {
  const parsed = newUserInput.safeParse(input);
  const fieldErrors = parsed.success ? {} : fieldErrorsOf(parsed.error);
  const weakness = passwordWeakness(
    String(input.password ?? ""),
    parsed.success ? parsed.data.email : "",
  );
  if (weakness) fieldErrors.password = [`password ${weakness}`];
  if (!parsed.success || weakness) return { ok: false, reason: "invalid", fieldErrors };
  const { email, password, role, name } = parsed.data;
  const passwordHash = await hashPassword(password);
  try {
    const user = await db.$transaction(async (tx) => {
      const created = await tx.user.create({
        data: { email, name, role, passwordHash },
        select: { id: true, email: true, role: true },
      });
      if (recordedBy)
        await writeAudit(tx, recordedBy, {
          action: "user.create",
          entityType: "user",
          entityId: created.id,
          summary: `${created.email} (${created.role})`,
        });
      return created;
    });
    return { ok: true, user };
  } catch (error) {
    if (isUniqueViolation(error)) return { ok: false, reason: "email_taken" };
    throw error;
  }
}
