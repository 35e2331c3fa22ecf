import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { cache } from "react";
import { MarkdownBody } from "@/components/public/markdown-body";
import { PerformanceList } from "@/components/public/performance-list";
import { getPublicShow } from "@/lib/catalog/public-catalog";
import { config } from "@/lib/config";
import { db } from "@/lib/db";
import { fill } from "@/lib/i18n/fill";
import { getLocale } from "@/web/i18n/locale";
import { publicText } from "@/web/i18n/public-text";

type Props = { params: Promise<{ slug: string }> };

// Metadata and page render in the same request: load the show (3 queries) once.
const loadShow = cache(async (slug: string) =>
  getPublicShow(db, slug, new Date(), await getLocale()),
);

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const show = await loadShow((await params).slug);
  return { title: show?.title };
}

export default async function ShowPage({ params }: Props) {
  const { locale, t } = await publicText();
  const show = await loadShow((await params).slug);
  if (!show) notFound();
  return (
    <article className="space-y-8">
      <p>
        <Link href="/shows">← {t.show.back}</Link>
      </p>
      <div className="grid gap-6 md:grid-cols-[2fr_1fr]">
        <header className="space-y-4">
          <h1 className="text-4xl font-semibold">{show.title}</h1>
          {show.summary ? <p className="text-xl text-ink-muted">{show.summary}</p> : null}
          <MarkdownBody source={show.description} />
        </header>
        {show.posterImage ? (
          // eslint-disable-next-line @next/next/no-img-element -- remote poster URLs of any host
          <img
            src={show.posterImage}
            alt={fill(t.shows.poster, { title: show.title })}
            className="w-full rounded-lg border border-line object-cover"
          />
        ) : null}
      </div>
      <section aria-labelledby="performances" className="space-y-4">
        <h2 id="performances" className="text-2xl font-semibold">
          {t.show.performances}
        </h2>
        {show.performances.length > 0 ? (
          <PerformanceList
            performances={show.performances}
            locale={locale}
            timeZone={config().TIME_ZONE}
            t={t}
          />
        ) : (
          <p>{t.show.none}</p>
        )}
      </section>
    </article>
  );
}
