import Link from "next/link";
import { MarkdownBody } from "@/components/public/markdown-body";
import { PerformanceList } from "@/components/public/performance-list";
import { getPublishedPage, listPublicPerformances } from "@/lib/catalog/public-catalog";
import { config } from "@/lib/config";
import { db } from "@/lib/db";
import { publicText } from "@/web/i18n/public-text";

const UPCOMING_ON_HOME = 6;

export default async function HomePage() {
  const { locale, t } = await publicText();
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
          <Link href="/shows">{t.home.allShows}</Link>
        </p>
      </section>
    </div>
  );
}
