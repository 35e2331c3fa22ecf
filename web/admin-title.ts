import "server-only";

import type { Metadata } from "next";
import * as adminMessages from "@/lib/i18n/messages/admin";
import type { AdminMessages } from "@/lib/i18n/messages/admin";
import * as boxOffice from "@/lib/i18n/messages/box-office";
import type { BoxOfficeMessages } from "@/lib/i18n/messages/box-office";
import { getLocale } from "@/web/i18n/locale";

/**
 * A distinct `<title>` for an admin page, in the admin's language: "Prenotazioni ·
 * Amministrazione · AzioneLab" (the root layout adds the site's name). Tabs and history
 * tell the pages apart.
 */
export async function adminTitle(
  pick: (t: AdminMessages, b: BoxOfficeMessages) => string,
): Promise<Metadata> {
  const locale = await getLocale();
  const t = adminMessages[locale];
  return { title: `${pick(t, boxOffice[locale])} · ${t.title}` };
}
