import { z } from "zod";
import type { Db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import type { UserRole } from "@/lib/generated/prisma/enums";
import { hashPassword, passwordWeakness } from "@/lib/passwords";

export const newUserInput = z
  .strictObject({
    email: z.string().trim().toLowerCase().pipe(z.email("not a valid email address")),
    password: z.string(),
    role: z.enum(["ADMIN", "STAFF"]),
    name: z.string().trim().max(200).default(""),
  })
  .superRefine((input, ctx) => {
    const weakness = passwordWeakness(input.password, input.email);
    if (weakness)
      ctx.addIssue({ code: "custom", path: ["password"], message: `password ${weakness}` });
  });

export type NewUserInput = z.input<typeof newUserInput>;

export type CreateUserResult =
  | { ok: true; user: { id: number; email: string; role: UserRole } }
  | { ok: false; reason: "invalid"; fieldErrors: Record<string, string[]> }
  | { ok: false; reason: "email_taken" };

export async function createUser(db: Db, input: NewUserInput): Promise<CreateUserResult> {
  const parsed = newUserInput.safeParse(input);
  if (!parsed.success)
    return { ok: false, reason: "invalid", fieldErrors: z.flattenError(parsed.error).fieldErrors };
  const { email, password, role, name } = parsed.data;
  try {
    const user = await db.user.create({
      data: { email, name, role, passwordHash: await hashPassword(password) },
      select: { id: true, email: true, role: true },
    });
    return { ok: true, user };
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002")
      return { ok: false, reason: "email_taken" };
    throw error;
  }
}
