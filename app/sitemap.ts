import type { MetadataRoute } from "next";
import { listSitemapEntries } from "@/lib/catalog/public-catalog";
import { config } from "@/lib/config";
import { db } from "@/lib/db";
import { LOCALES } from "@/lib/i18n/locale";
import { alternatePaths } from "@/lib/i18n/localized-path";

// From the database and APP_URL: per request (two small queries; crawlers only), never at
// build time, which has neither.
export const dynamic = "force-dynamic";

/** Every public page that search engines may index, in both languages, with alternates. */
export default async function sitemap(): Promise<MetadataRoute.Sitemap> {
  const base = config().APP_URL;
  const { shows, pages } = await listSitemapEntries(db);
  const paths = [
    { path: "/", lastModified: undefined },
    { path: "/shows", lastModified: undefined },
    { path: "/lost-ticket", lastModified: undefined },
    ...shows.map((show) => ({ path: `/shows/${show.slug}`, lastModified: show.updatedAt })),
    ...pages.map((page) => ({ path: `/${page.slug}`, lastModified: page.updatedAt })),
  ];
  return paths.flatMap(({ path, lastModified }) => {
    const alternates = alternatePaths(path);
    const languages = Object.fromEntries(
      LOCALES.map((locale) => [locale, `${base}${alternates[locale]}`]),
    );
    return LOCALES.map((locale) => ({
      url: `${base}${alternates[locale]}`,
      ...(lastModified ? { lastModified } : {}),
      alternates: { languages },
    }));
  });
}
