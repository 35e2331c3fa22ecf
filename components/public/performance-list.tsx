import Link from "next/link";
import { buttonClass } from "@/components/ui/button";
import {
  isFewSeatsLeft,
  type BookingState,
  type PublicPerformance,
} from "@/lib/catalog/public-catalog";
import { PosterPicture, PosterPlaceholder } from "@/components/public/poster-picture";
import { fill } from "@/lib/i18n/fill";
import { formatDate, formatTime } from "@/lib/i18n/format";
import type { Locale } from "@/lib/i18n/locale";
import { localizedPath } from "@/lib/i18n/localized-path";
import type { PublicMessages } from "@/lib/i18n/messages/public";
import { icu } from "@/web/i18n/icu";

const BADGE: Record<BookingState | "few", string> = {
  open: "bg-green-50 text-success border-success",
  // Few seats left: amber, bold, with a dot, so it reads apart from "open" without colour too.
  few: "bg-amber-50 text-warning border-warning border-2",
  sold_out: "bg-red-50 text-danger border-danger",
  closed: "bg-paper-sunken text-ink-muted border-line",
  cancelled: "bg-paper-sunken text-danger border-danger",
};

export function availabilityText(
  state: BookingState,
  seats: number,
  locale: Locale,
  t: PublicMessages["availability"],
): string {
  if (state !== "open") return t[state];
  return icu(locale, isFewSeatsLeft(state, seats) ? t.few : t.open, { count: seats });
}

export function AvailabilityBadge({
  state,
  seats,
  locale,
  t,
}: {
  state: BookingState;
  seats: number;
  locale: Locale;
  t: PublicMessages["availability"];
}) {
  const few = isFewSeatsLeft(state, seats);
  return (
    <span
      className={`inline-flex items-center gap-1.5 rounded-full border px-3 py-0.5 text-sm font-semibold ${BADGE[few ? "few" : state]}`}
      data-availability={few ? "few" : state}
    >
      {few ? <span aria-hidden="true" className="size-2 rounded-full bg-warning" /> : null}
      {availabilityText(state, seats, locale, t)}
    </span>
  );
}

export function bookingPath(performance: Pick<PublicPerformance, "id" | "show">): string {
  return `/shows/${performance.show.slug}/${performance.id}`;
}

/** Upcoming performances with date, time, venue, seats left and a booking link. `withShow` adds the show's title (home page). */
export function PerformanceList({
  performances,
  locale,
  timeZone,
  t,
  withShow = false,
  headingLevel = 3,
}: {
  performances: PublicPerformance[];
  locale: Locale;
  timeZone: string;
  t: PublicMessages;
  withShow?: boolean;
  headingLevel?: 2 | 3;
}) {
  const Heading = headingLevel === 2 ? "h2" : "h3";
  return (
    <ul className="grid gap-4 sm:grid-cols-2">
      {performances.map((performance) => {
        const date = formatDate(performance.startsAt, locale, timeZone);
        const time = formatTime(performance.startsAt, locale, timeZone);
        return (
          <li
            key={performance.id}
            className={`rounded-lg border border-line bg-paper-raised p-4 shadow-sm ${withShow ? "grid grid-cols-[4.5rem_1fr] gap-x-4" : "flex flex-col"}`}
          >
            {withShow ? (
              // The show's poster as a thumbnail (or its typographic panel): one shape for all.
              <div className="row-span-2 aspect-[2/3] w-full self-start overflow-hidden rounded">
                {performance.show.poster ? (
                  <PosterPicture
                    poster={{ ...performance.show.poster, alt: "" }}
                    sizes="4.5rem"
                    className="size-full object-cover"
                  />
                ) : (
                  <PosterPlaceholder
                    title={performance.show.title}
                    className="size-full !p-1.5 [&>span:first-child]:hidden [&>span:last-child]:text-xs"
                  />
                )}
              </div>
            ) : null}
            <div className="flex min-w-0 flex-col gap-3">
              <div>
                {withShow ? (
                  <Heading className="text-xl font-semibold">
                    <Link
                      href={localizedPath(locale, `/shows/${performance.show.slug}`)}
                      className="text-ink no-underline hover:underline"
                    >
                      {performance.show.title}
                    </Link>
                  </Heading>
                ) : null}
                <p className={withShow ? "mt-1 font-semibold" : "text-lg font-semibold"}>
                  <time dateTime={performance.startsAt.toISOString()}>
                    {date}, {time}
                  </time>
                </p>
                <p className="text-ink-muted">
                  {performance.venue.name}, {performance.venue.address}, {performance.venue.city}
                </p>
              </div>
              <div className="mt-auto flex flex-wrap items-center justify-between gap-3">
                <AvailabilityBadge
                  state={performance.bookingState}
                  seats={performance.availableSeats}
                  locale={locale}
                  t={t.availability}
                />
                {performance.bookingState === "open" ? (
                  <Link
                    href={localizedPath(locale, bookingPath(performance))}
                    className={buttonClass("primary")}
                    aria-label={fill(t.show.bookLabel, {
                      date: `${withShow ? `${performance.show.title}, ` : ""}${date}, ${time}`,
                    })}
                  >
                    {t.show.book}
                  </Link>
                ) : null}
                {performance.bookingState === "sold_out" ? (
                  <Link
                    href={`${localizedPath(locale, bookingPath(performance))}#waitlist`}
                    className={buttonClass("secondary")}
                    aria-label={fill(t.show.waitlistLabel, {
                      date: `${withShow ? `${performance.show.title}, ` : ""}${date}, ${time}`,
                    })}
                  >
                    {t.show.waitlist}
                  </Link>
                ) : null}
              </div>
            </div>
          </li>
        );
      })}
    </ul>
  );
}
