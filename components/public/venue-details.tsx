import type { PublicMessages } from "@/lib/i18n/messages/public";

/** A venue's name, address and its notes for visitors (access, how to get there). */
export function VenueDetails({
  venue,
  t,
}: {
  venue: { name: string; address: string; city: string; publicNotes: string };
  t: PublicMessages;
}) {
  return (
    <div className="space-y-1">
      <p className="font-semibold">{venue.name}</p>
      <p className="text-ink-muted">
        {venue.address}, {venue.city}
      </p>
      {venue.publicNotes ? (
        <div className="rounded-md border-l-4 border-accent bg-paper-sunken px-3 py-2">
          <p className="text-sm font-semibold">{t.show.venueNotes}</p>
          <p className="whitespace-pre-line">{venue.publicNotes}</p>
        </div>
      ) : null}
    </div>
  );
}
