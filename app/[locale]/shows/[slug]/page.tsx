import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { cache } from "react";
import { MarkdownBody } from "@/components/public/markdown-body";
import { PerformanceList } from "@/components/public/performance-list";
import { ShowPoster } from "@/components/public/poster-picture";
import { VenueDetails } from "@/components/public/venue-details";
import { getPublicShow } from "@/lib/catalog/public-catalog";
import { config } from "@/lib/config";
import { db } from "@/lib/db";
import { jsonLdScript, performanceEvents } from "@/lib/catalog/event-json-ld";
import { fill } from "@/lib/i18n/fill";
import type { Locale } from "@/lib/i18n/locale";
import { localizedPath } from "@/lib/i18n/localized-path";
import { showPosterUrl } from "@/lib/posters/poster-image";
import { publicPageMetadata } from "@/web/i18n/metadata";
import { pageLocale } from "@/web/i18n/page-locale";
import { publicMessages } from "@/web/i18n/public-text";

// Served from the cache for 1 s after each render, then rendered again for the next
// request (expireTime in next.config.ts): what a visitor sees is at most ~1 s (+ one
// render) old, within the 2 s the availability may lag.
export const revalidate = 1;
// None at build time (no database then): rendered on first request, then cached.
export function generateStaticParams(): { slug: string }[] {
  return [];
}

type Props = { params: Promise<{ locale: string; slug: string }> };

// Metadata and page render in the same request: load the show (3 queries) once.
const loadShow = cache(async (slug: string, locale: Locale) =>
  getPublicShow(db, slug, new Date(), locale),
);

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const locale = await pageLocale(params);
  const slug = (await params).slug;
  const show = await loadShow(slug, locale);
  if (!show) return {};
  return publicPageMetadata({
    locale,
    path: `/shows/${slug}`,
    title: show.title,
    description: show.summary,
    image: showPosterUrl(show),
  });
}

export default async function ShowPage({ params }: Props) {
  const locale = await pageLocale(params);
  const t = publicMessages(locale);
  const show = await loadShow((await params).slug, locale);
  if (!show) notFound();
  const { TIME_ZONE, APP_URL } = config();
  const events = performanceEvents({
    show: { ...show, posterImage: showPosterUrl(show) },
    performances: show.performances,
    locale,
    timeZone: TIME_ZONE,
    siteUrl: APP_URL,
  });
  // Each venue of the coming dates once, with what a visitor should know about it.
  const venues = [
    ...new Map(show.performances.map((p) => [p.venue.name, p.venue] as const)).values(),
  ];
  return (
    <article className="space-y-8">
      {events.length > 0 ? (
        <script
          type="application/ld+json"
          // A data block, not a script: JSON with "<" escaped (lib/catalog/event-json-ld.ts).
          dangerouslySetInnerHTML={{ __html: jsonLdScript(events) }}
        />
      ) : null}
      <p>
        <Link href={localizedPath(locale, "/shows")}>← {t.show.back}</Link>
      </p>
      <div className="grid gap-6 sm:grid-cols-[1fr_12rem] md:grid-cols-[1fr_18rem]">
        <header className="space-y-4">
          <h1 className="text-4xl font-semibold">{show.title}</h1>
          {show.summary ? <p className="text-xl text-ink-muted">{show.summary}</p> : null}
          <MarkdownBody source={show.description} />
        </header>
        {show.poster || show.posterImage ? (
          <div className="max-w-56 sm:col-start-2 sm:row-start-1 sm:max-w-none">
            <ShowPoster
              show={show}
              urlAlt={fill(t.shows.poster, { title: show.title })}
              sizes="(min-width: 768px) 18rem, (min-width: 640px) 12rem, 14rem"
              className="h-auto w-full rounded-lg border border-line"
              priority
            />
          </div>
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
            timeZone={TIME_ZONE}
            t={t}
          />
        ) : (
          <p>{t.show.none}</p>
        )}
      </section>
      {venues.length > 0 ? (
        <section aria-labelledby="venues" className="space-y-4">
          <h2 id="venues" className="text-2xl font-semibold">
            {venues.length === 1 ? t.show.venue : t.show.venues}
          </h2>
          <ul className="grid gap-4 sm:grid-cols-2">
            {venues.map((venue) => (
              <li key={venue.name} className="space-y-1">
                <VenueDetails venue={venue} t={t} />
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </article>
  );
}
