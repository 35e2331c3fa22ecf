import "server-only";

import { PHASE_PRODUCTION_BUILD } from "next/constants";
import { cache } from "react";
import { listNavigationPages, type NavigationPage } from "@/lib/catalog/public-catalog";
import { db } from "@/lib/db";
import { LOCALES, type Locale } from "@/lib/i18n/locale";

/**
 * The pages admins put into the header and footer, in each language, read once per
 * render. `next build` prerenders a few pages (404) without a database: they get none.
 * Cached public pages pick up a change when they re-render (within ~2 s).
 */
export const siteNavigation = cache(async (): Promise<Record<Locale, NavigationPage[]>> => {
  const entries = await Promise.all(
    LOCALES.map(async (locale) => {
      const pages =
        process.env.NEXT_PHASE === PHASE_PRODUCTION_BUILD
          ? []
          : await listNavigationPages(db, locale);
      return [locale, pages] as const;
    }),
  );
  return Object.fromEntries(entries) as Record<Locale, NavigationPage[]>;
});
