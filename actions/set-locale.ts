"use server";

import { cookies } from "next/headers";
import { isLocale, LOCALE_COOKIE } from "@/lib/i18n/locale";
import { formDataArg, parseActionArgs } from "@/lib/validation/action-args";

/** The language switch: a plain form post, so it works without JavaScript too. */
export async function setLocale(formData: FormData): Promise<void> {
  const args = parseActionArgs([formDataArg], [formData]);
  const locale = args?.[0].get("locale");
  if (!isLocale(locale)) return;
  (await cookies()).set(LOCALE_COOKIE, locale, {
    path: "/",
    maxAge: 60 * 60 * 24 * 365,
    sameSite: "lax",
    httpOnly: true,
  });
}
