import type { MetadataRoute } from "next";
import { listSitemapEntries } from "@/lib/catalog/public-catalog";
import { config } from "@/lib/config";
import { db } from "@/lib/db";
import { LOCALES } from "@/lib/i18n/locale";
import { alternatePaths } from "@/lib/i18n/localized-path";

// Rebuilt at most once an hour: new shows and pages appear within the hour.
export const revalidate = 3600;

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
