import { Prisma } from "@/lib/generated/prisma/client";

/** A unique index refused the write (a slug or an email taken by a concurrent save). */
export function isUniqueViolation(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
}
