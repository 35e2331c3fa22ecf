import type { Metadata } from "next";
import Link from "next/link";
import { MarkdownBody } from "@/components/public/markdown-body";
import { PerformanceList } from "@/components/public/performance-list";
import { getPublishedPage, listPublicPerformances } from "@/lib/catalog/public-catalog";
import { config } from "@/lib/config";
import { db } from "@/lib/db";
import { localizedPath } from "@/lib/i18n/localized-path";
import { publicPageMetadata } from "@/web/i18n/metadata";
import { pageLocale, type LocaleParams } from "@/web/i18n/page-locale";
import { publicMessages } from "@/web/i18n/public-text";

// Served from the cache for 1 s after each render, then rendered again for the next
// request (expireTime in next.config.ts): what a visitor sees is at most ~1 s (+ one
// render) old, within the 2 s the availability may lag.
export const revalidate = 1;

const UPCOMING_ON_HOME = 6;

export async function generateMetadata({ params }: LocaleParams): Promise<Metadata> {
  const locale = await pageLocale(params);
  const page = await getPublishedPage(db, "home", locale);
  return {
    ...publicPageMetadata({
      locale,
      path: "/",
      description: publicMessages(locale).site.description,
    }),
    title: {
      absolute:
        page?.title && page.title !== "AzioneLab" ? `AzioneLab · ${page.title}` : "AzioneLab",
    },
  };
}

export default async function HomePage({ params }: LocaleParams) {
  const locale = await pageLocale(params);
  const t = publicMessages(locale);
  const [page, performances] = await Promise.all([
    getPublishedPage(db, "home", locale),
    listPublicPerformances(db, { limit: UPCOMING_ON_HOME, locale }),
  ]);
  return (
    <div className="space-y-10">
      <section className="max-w-prose space-y-4">
        <h1 className="text-4xl font-semibold">{page?.title ?? "AzioneLab"}</h1>
        {page ? <MarkdownBody source={page.body} className="text-lg" /> : null}
      </section>
      <section aria-labelledby="upcoming" className="space-y-4">
        <h2 id="upcoming" className="text-2xl font-semibold">
          {t.home.upcoming}
        </h2>
        {performances.length > 0 ? (
          <PerformanceList
            performances={performances}
            locale={locale}
            timeZone={config().TIME_ZONE}
            t={t}
            withShow
          />
        ) : (
          <p>{t.home.none}</p>
        )}
        <p>
          <Link href={localizedPath(locale, "/shows")}>{t.home.allShows}</Link>
        </p>
      </section>
    </div>
  );
}
