import "server-only";

import { requireUser } from "@/web/auth/guards";
import { config } from "@/lib/config";
import { type Locale } from "@/lib/i18n/locale";
import { getLocale } from "@/web/i18n/locale";
import * as adminMessages from "@/lib/i18n/messages/admin";
import type { AdminMessages } from "@/lib/i18n/messages/admin";
import { formatDateTime } from "@/lib/i18n/format";

/**
 * What every admin page and action starts with: the signed-in admin (or the redirect
 * to /login, or 403), the language and its texts. `returnTo` is where sign-in leads back.
 */
export async function adminContext(returnTo: string) {
  const user = await requireUser("admin", returnTo);
  const locale: Locale = await getLocale();
  const t: AdminMessages = adminMessages[locale];
  const timeZone = config().TIME_ZONE;
  const short = new Intl.DateTimeFormat(locale === "it" ? "it-IT" : "en-GB", {
    timeZone,
    dateStyle: "medium",
    timeStyle: "short",
  });
  return {
    user,
    locale,
    t,
    timeZone,
    when: (date: Date) => formatDateTime(date, locale, timeZone),
    /** "5 dic 2026, 20:30": for table cells, where the weekday only adds width. */
    whenShort: (date: Date) => short.format(date),
  };
}
