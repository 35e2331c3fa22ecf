import type { Metadata } from "next";
import Link from "next/link";
import { ShowPoster } from "@/components/public/poster-picture";
import { listPublicShows } from "@/lib/catalog/public-catalog";
import { config } from "@/lib/config";
import { db } from "@/lib/db";
import { fill } from "@/lib/i18n/fill";
import { formatDate, formatTime } from "@/lib/i18n/format";
import { localizedPath } from "@/lib/i18n/localized-path";
import { publicPageMetadata } from "@/web/i18n/metadata";
import { pageLocale, type LocaleParams } from "@/web/i18n/page-locale";
import { publicMessages } from "@/web/i18n/public-text";

// Served from the cache for 1 s after each render, then rendered again for the next
// request (expireTime in next.config.ts): what a visitor sees is at most ~1 s (+ one
// render) old, within the 2 s the availability may lag.
export const revalidate = 1;

export async function generateMetadata({ params }: LocaleParams): Promise<Metadata> {
  const locale = await pageLocale(params);
  const t = publicMessages(locale);
  return publicPageMetadata({
    locale,
    path: "/shows",
    title: t.shows.title,
    description: t.shows.intro,
  });
}

export default async function ShowsPage({ params }: LocaleParams) {
  const locale = await pageLocale(params);
  const t = publicMessages(locale);
  const shows = await listPublicShows(db, new Date(), locale);
  const timeZone = config().TIME_ZONE;
  return (
    <div className="space-y-6">
      <header className="max-w-prose space-y-2">
        <h1 className="text-4xl font-semibold">{t.shows.title}</h1>
        <p className="text-lg text-ink-muted">{t.shows.intro}</p>
      </header>
      {shows.length === 0 ? <p>{t.shows.none}</p> : null}
      <ul className="grid gap-6 md:grid-cols-2">
        {shows.map((show, index) => (
          <li
            key={show.id}
            className="grid grid-cols-[7rem_1fr] overflow-hidden rounded-lg border border-line bg-paper-raised shadow-sm sm:grid-cols-[10rem_1fr]"
          >
            {/* The poster column has one shape on every card, poster or not. */}
            <div className="aspect-[2/3] w-full self-start">
              <ShowPoster
                show={show}
                urlAlt={fill(t.shows.poster, { title: show.title })}
                sizes="(min-width: 640px) 10rem, 7rem"
                className="size-full object-cover"
                priority={index < 2}
                placeholder
              />
            </div>
            <div className="flex min-w-0 flex-col gap-3 p-4">
              <h2 className="text-xl font-semibold sm:text-2xl">
                <Link
                  href={localizedPath(locale, `/shows/${show.slug}`)}
                  className="text-ink no-underline hover:underline"
                >
                  {show.title}
                </Link>
              </h2>
              {show.summary ? <p>{show.summary}</p> : null}
              <div>
                <h3 className="text-sm font-semibold tracking-wide text-ink-muted uppercase">
                  {t.shows.nextDates}
                </h3>
                {show.nextDates.length > 0 ? (
                  <ul className="mt-1 space-y-0.5">
                    {show.nextDates.map((date) => (
                      <li key={date.toISOString()}>
                        <time dateTime={date.toISOString()}>
                          {formatDate(date, locale, timeZone)}, {formatTime(date, locale, timeZone)}
                        </time>
                      </li>
                    ))}
                  </ul>
                ) : (
                  <p className="mt-1">{t.shows.noDates}</p>
                )}
              </div>
              <p className="mt-auto">
                <Link
                  href={localizedPath(locale, `/shows/${show.slug}`)}
                  aria-label={`${t.shows.details}: ${show.title}`}
                >
                  {t.shows.details}
                </Link>
              </p>
            </div>
          </li>
        ))}
      </ul>
    </div>
  );
}
