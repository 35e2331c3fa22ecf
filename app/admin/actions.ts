"use server";

import { cookies } from "next/headers";
import { requireUser } from "@/lib/auth/guards";
import { getLocale, LOCALE_COOKIE } from "@/lib/i18n/locale";

/** The admin's language switch: the same `locale` cookie as the public site. */
export async function switchLocale(): Promise<void> {
  await requireUser("admin", "/admin");
  const next = (await getLocale()) === "it" ? "en" : "it";
  (await cookies()).set(LOCALE_COOKIE, next, { path: "/", sameSite: "lax", maxAge: 60 * 60 * 24 * 365 });
}
