import "server-only";

import { getServerSession } from "next-auth";
import { cache } from "react";
import { authOptions } from "@/web/auth/options";
import { db } from "@/lib/db";
import type { UserRole } from "@/lib/generated/prisma/enums";

export type SignedInUser = { id: number; email: string; name: string; role: UserRole };

/**
 * The signed-in user, re-read from the database on every request: a JWT stays valid
 * for its whole lifetime, so deactivation or a role change must be checked here to take
 * effect on the next request. Null when there is no session or the user is inactive.
 */
export const currentUser = cache(async (): Promise<SignedInUser | null> => {
  const session = (await getServerSession(authOptions())) as { uid?: number } | null;
  if (!session?.uid) return null;
  const user = await db.user.findUnique({
    where: { id: session.uid },
    select: { id: true, email: true, name: true, role: true, isActive: true },
  });
  if (!user?.isActive) return null;
  return { id: user.id, email: user.email, name: user.name, role: user.role };
});
