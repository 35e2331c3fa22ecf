import { db } from "@/lib/db";

/** Shows and venues for the performance form's selects. */
export async function performanceOptions() {
  const [shows, venues] = await Promise.all([
    db.show.findMany({
      orderBy: { title: "asc" },
      select: { id: true, title: true, isPublished: true },
    }),
    db.venue.findMany({ orderBy: { name: "asc" }, select: { id: true, name: true, city: true } }),
  ]);
  return {
    shows: shows.map((show) => ({ value: String(show.id), label: show.title })),
    venues: venues.map((venue) => ({
      value: String(venue.id),
      label: `${venue.name}, ${venue.city}`,
    })),
  };
}
