import { availabilityByPerformance } from "@/lib/availability";
import type { Db } from "@/lib/db";
import { localized, localizePage, localizeShow } from "@/lib/catalog/localized";
import type { Prisma } from "@/lib/generated/prisma/client";
import { isSlug } from "@/lib/validation/text";
import { fill } from "@/lib/i18n/fill";
import type { Locale } from "@/lib/i18n/locale";
import { en, it } from "@/lib/i18n/messages/public";
import { POSTER_SELECT, posterImageOf, type PosterImage } from "@/lib/posters/poster-image";

// Every query takes the visitor's locale (default "it"): show summaries/descriptions and
// page titles/bodies come back in English when an English text exists, else in Italian,
// under the Italian field names.

/** What a visitor can do with a performance right now. */
export type BookingState = "open" | "sold_out" | "closed" | "cancelled";

const PERFORMANCE_SELECT = {
  id: true,
  startsAt: true,
  isBookingEnabled: true,
  cancelledAt: true,
  roomCapacity: true,
  additionalSeats: true,
  manuallyOccupiedSeats: true,
  show: {
    select: {
      id: true,
      title: true,
      slug: true,
      summary: true,
      summaryEn: true,
      posterAlt: true,
      posterAltEn: true,
      poster: { select: POSTER_SELECT },
    },
  },
  venue: {
    select: { name: true, address: true, city: true, publicNotes: true, publicNotesEn: true },
  },
} as const satisfies Prisma.PerformanceSelect;

type PosterSource = {
  title: string;
  posterAlt: string;
  posterAltEn: string;
  poster: Parameters<typeof posterImageOf>[0];
};

/**
 * A show's uploaded poster as pages render it, with its alternative text in `locale`
 * (the Italian one, else "Poster of <title>"); the source fields are dropped.
 */
function withPoster<T extends PosterSource>(
  show: T,
  locale: Locale,
): Omit<T, "posterAlt" | "posterAltEn" | "poster"> & { poster: PosterImage | null } {
  const { posterAlt, posterAltEn, poster, ...rest } = show;
  const alt =
    localized(locale, posterAlt, posterAltEn) ||
    fill((locale === "en" ? en : it).shows.poster, { title: show.title });
  return { ...rest, poster: posterImageOf(poster, alt) };
}

/** A venue as visitors see it: its public notes in `locale`, never the internal ones. */
function publicVenue<T extends { publicNotes: string; publicNotesEn: string }>(
  venue: T,
  locale: Locale,
): Omit<T, "publicNotes" | "publicNotesEn"> & { publicNotes: string } {
  const { publicNotes, publicNotesEn, ...rest } = venue;
  return { ...rest, publicNotes: localized(locale, publicNotes, publicNotesEn) };
}

type PerformanceRow = Prisma.PerformanceGetPayload<{ select: typeof PERFORMANCE_SELECT }>;

export type PublicPerformance = {
  id: number;
  startsAt: Date;
  isBookingEnabled: boolean;
  availableSeats: number;
  bookingState: BookingState;
  show: Omit<PerformanceRow["show"], "summaryEn" | "posterAlt" | "posterAltEn" | "poster"> & {
    poster: PosterImage | null;
  };
  venue: { name: string; address: string; city: string; publicNotes: string };
};

/** At most this many seats left: the badge says so ("Only 4 seats left!"), in its own colour. */
export const FEW_SEATS_LEFT = 10;

export function isFewSeatsLeft(state: BookingState, availableSeats: number): boolean {
  return state === "open" && availableSeats <= FEW_SEATS_LEFT;
}

export function bookingStateOf(
  performance: { startsAt: Date; isBookingEnabled: boolean; cancelledAt?: Date | null },
  availableSeats: number,
  now: Date,
): BookingState {
  if (performance.cancelledAt) return "cancelled";
  if (!performance.isBookingEnabled || performance.startsAt <= now) return "closed";
  return availableSeats > 0 ? "open" : "sold_out";
}

/** Two round trips whatever the number of performances: the rows, then their availability. */
async function withAvailability(
  db: Db,
  rows: PerformanceRow[],
  now: Date,
  locale: Locale,
): Promise<PublicPerformance[]> {
  const availability = await availabilityByPerformance(
    db,
    rows.map((row) => row.id),
  );
  return rows.map((row) => {
    const availableSeats = availability.get(row.id)?.availableSeats ?? 0;
    return {
      id: row.id,
      startsAt: row.startsAt,
      isBookingEnabled: row.isBookingEnabled,
      availableSeats,
      bookingState: bookingStateOf(row, availableSeats, now),
      show: withPoster(localizeShow(row.show, locale), locale),
      venue: publicVenue(row.venue, locale),
    };
  });
}

/** Performances of published shows from `from` on (default: now), earliest first. */
export async function listPublicPerformances(
  db: Db,
  {
    showSlug,
    from,
    now = new Date(),
    limit,
    locale = "it",
  }: { showSlug?: string; from?: Date; now?: Date; limit?: number; locale?: Locale } = {},
): Promise<PublicPerformance[]> {
  const rows = await db.performance.findMany({
    where: {
      startsAt: { gte: from ?? now },
      show: { isPublished: true, ...(showSlug ? { slug: showSlug } : {}) },
    },
    select: PERFORMANCE_SELECT,
    orderBy: [{ startsAt: "asc" }, { id: "asc" }],
    take: limit,
  });
  return withAvailability(db, rows, now, locale);
}

/** One performance of a published show (past ones included: they answer "booking closed"). */
export async function getPublicPerformance(
  db: Db,
  performanceId: number,
  now = new Date(),
  locale: Locale = "it",
): Promise<PublicPerformance | null> {
  const row = await db.performance.findFirst({
    where: { id: performanceId, show: { isPublished: true } },
    select: PERFORMANCE_SELECT,
  });
  if (!row) return null;
  const [performance] = await withAvailability(db, [row], now, locale);
  return performance;
}

const SHOW_SELECT = {
  id: true,
  title: true,
  slug: true,
  summary: true,
  description: true,
  posterImage: true,
} as const satisfies Prisma.ShowSelect;

/** What the queries read: the public fields plus the English texts they pick from. */
const SHOW_SOURCE_SELECT = {
  ...SHOW_SELECT,
  summaryEn: true,
  descriptionEn: true,
  posterAlt: true,
  posterAltEn: true,
  poster: { select: POSTER_SELECT },
} as const satisfies Prisma.ShowSelect;

/** `poster` is the uploaded one; `posterImage` a URL typed by hand (used when none is uploaded). */
export type PublicShow = Prisma.ShowGetPayload<{ select: typeof SHOW_SELECT }> & {
  poster: PosterImage | null;
};

/** Published shows with their next dates, the soonest show first; shows without dates last. */
export async function listPublicShows(
  db: Db,
  now = new Date(),
  locale: Locale = "it",
): Promise<(PublicShow & { nextDates: Date[] })[]> {
  const shows = await db.show.findMany({
    where: { isPublished: true },
    select: {
      ...SHOW_SOURCE_SELECT,
      performances: {
        where: { startsAt: { gt: now } },
        select: { startsAt: true },
        orderBy: { startsAt: "asc" },
        take: 3,
      },
    },
    orderBy: { title: "asc" },
  });
  const withDates = shows.map(({ performances, ...show }) => ({
    ...withPoster(localizeShow(show, locale), locale),
    nextDates: performances.map((p) => p.startsAt),
  }));
  const first = (show: { nextDates: Date[] }) =>
    show.nextDates[0]?.getTime() ?? Number.POSITIVE_INFINITY;
  return withDates.sort((a, b) => first(a) - first(b));
}

/** A published show with its upcoming performances and their availability; null for unknown or unpublished. */
export async function getPublicShow(
  db: Db,
  slug: string,
  now = new Date(),
  locale: Locale = "it",
): Promise<(PublicShow & { performances: PublicPerformance[] }) | null> {
  if (!isSlug(slug)) return null;
  const row = await db.show.findFirst({
    where: { slug, isPublished: true },
    select: SHOW_SOURCE_SELECT,
  });
  if (!row) return null;
  const show = withPoster(localizeShow(row, locale), locale);
  const rows = await db.performance.findMany({
    where: { showId: show.id, startsAt: { gt: now } },
    select: PERFORMANCE_SELECT,
    orderBy: [{ startsAt: "asc" }, { id: "asc" }],
  });
  return { ...show, performances: await withAvailability(db, rows, now, locale) };
}

/** A published page by slug (home, contatti, privacy, ...); null when missing or unpublished. */
export async function getPublishedPage(db: Db, slug: string, locale: Locale = "it") {
  if (!isSlug(slug)) return null;
  const page = await db.page.findFirst({
    where: { slug, isPublished: true },
    select: { slug: true, title: true, titleEn: true, body: true, bodyEn: true, updatedAt: true },
  });
  return page && localizePage(page, locale);
}

/** What the sitemap lists: published shows and pages (the home page is "/"). */
export async function listSitemapEntries(db: Db): Promise<{
  shows: { slug: string; updatedAt: Date }[];
  pages: { slug: string; updatedAt: Date }[];
}> {
  const [shows, pages] = await Promise.all([
    db.show.findMany({
      where: { isPublished: true },
      select: { slug: true, updatedAt: true },
      orderBy: { slug: "asc" },
    }),
    db.page.findMany({
      where: { isPublished: true, slug: { not: "home" } },
      select: { slug: true, updatedAt: true },
      orderBy: { slug: "asc" },
    }),
  ]);
  return { shows, pages };
}

/** A published page an admin put into the site's header or footer navigation. */
export type NavigationPage = { slug: string; title: string; inHeader: boolean; inFooter: boolean };

/** Published pages linked from the header or footer, by title, in `locale`. */
export async function listNavigationPages(
  db: Db,
  locale: Locale = "it",
): Promise<NavigationPage[]> {
  const pages = await db.page.findMany({
    where: { isPublished: true, OR: [{ inHeader: true }, { inFooter: true }] },
    select: { slug: true, title: true, titleEn: true, inHeader: true, inFooter: true },
    orderBy: [{ title: "asc" }, { id: "asc" }],
  });
  return pages.map(({ titleEn, ...page }) => ({
    ...page,
    title: localized(locale, page.title, titleEn),
  }));
}
