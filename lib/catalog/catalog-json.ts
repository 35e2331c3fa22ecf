import { parseRowId } from "@/lib/validation/text";
import { formatIsoInZone } from "@/lib/time";
import { showPosterUrl } from "@/lib/posters/poster-image";
import type { PublicPerformance, PublicShow } from "@/lib/catalog/public-catalog";

// The seed's api-contract.md bodies, snake_case, times with the theatre's offset.

export function showSummaryJson(show: PublicShow) {
  return {
    id: show.id,
    title: show.title,
    slug: show.slug,
    summary: show.summary,
    poster_image: showPosterUrl(show) || null,
  };
}

export function showDetailJson(
  show: PublicShow & { performances: PublicPerformance[] },
  timeZone: string,
) {
  return {
    ...showSummaryJson(show),
    description: show.description,
    performances: show.performances.map((p) => ({
      id: p.id,
      starts_at: formatIsoInZone(p.startsAt, timeZone),
      venue: { name: p.venue.name, city: p.venue.city },
      booking_enabled: p.bookingState !== "closed" && p.bookingState !== "cancelled",
      available_seats: p.availableSeats,
    })),
  };
}

export function performanceListItemJson(p: PublicPerformance, timeZone: string) {
  return {
    id: p.id,
    show: { title: p.show.title, slug: p.show.slug },
    venue: { name: p.venue.name, city: p.venue.city },
    starts_at: formatIsoInZone(p.startsAt, timeZone),
    booking_enabled: p.bookingState !== "closed" && p.bookingState !== "cancelled",
    available_seats: p.availableSeats,
  };
}

export function performanceDetailJson(p: PublicPerformance, timeZone: string) {
  return {
    id: p.id,
    show: { title: p.show.title, slug: p.show.slug, summary: p.show.summary },
    venue: { name: p.venue.name, address: p.venue.address, city: p.venue.city },
    starts_at: formatIsoInZone(p.startsAt, timeZone),
    booking_enabled: p.bookingState !== "closed" && p.bookingState !== "cancelled",
    available_seats: p.availableSeats,
  };
}

/** A positive integer id from a path segment, or null (the route answers 404). */
export const parsePublicId = (segment: string) => parseRowId(segment);
