import type { Metadata } from "next";
import Link from "next/link";
import { listPublicShows } from "@/lib/catalog/public-catalog";
import { config } from "@/lib/config";
import { db } from "@/lib/db";
import { fill } from "@/lib/i18n/fill";
import { formatDate, formatTime } from "@/lib/i18n/format";
import { localizedPath } from "@/lib/i18n/localized-path";
import { publicPageMetadata } from "@/web/i18n/metadata";
import { pageLocale, type LocaleParams } from "@/web/i18n/page-locale";
import { publicMessages } from "@/web/i18n/public-text";

// Served from the cache and re-rendered in the background once a second: what a visitor
// sees is at most ~1 s (+ one render) old, within the 2 s the availability may lag.
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
        {shows.map((show) => (
          <li
            key={show.id}
            className="flex flex-col overflow-hidden rounded-lg border border-line bg-paper-raised shadow-sm"
          >
            {show.posterImage ? (
              // Posters are remote URLs set by admins; next/image would need each host configured.
              // eslint-disable-next-line @next/next/no-img-element -- remote poster URLs of any host
              <img
                src={show.posterImage}
                alt={fill(t.shows.poster, { title: show.title })}
                className="aspect-[3/2] w-full object-cover"
                loading="lazy"
              />
            ) : null}
            <div className="flex flex-1 flex-col gap-3 p-4">
              <h2 className="text-2xl font-semibold">
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
