import type { PerformanceCounts } from "@/lib/admin/dashboard";

export type SeatBarLabels = {
  bar: string;
  checkedIn: string;
  confirmed: string;
  pending: string;
  available: string;
};

/**
 * Seats drawn against the bookable capacity: checked in, confirmed but not yet in,
 * pending (which hold no seat, so drawn over the free part), free. The bar is
 * decoration; the numbers are written out next to it.
 */
export function SeatBar({
  counts,
  labels,
}: {
  counts: Pick<
    PerformanceCounts,
    "capacity" | "confirmedSeats" | "pendingSeats" | "checkedInSeats"
  >;
  labels: SeatBarLabels;
}) {
  const scale = Math.max(counts.capacity, counts.confirmedSeats, 1);
  const percent = (seats: number) => `${(Math.max(0, seats) / scale) * 100}%`;
  const notYetIn = counts.confirmedSeats - counts.checkedInSeats;
  const free = Math.max(0, counts.capacity - counts.confirmedSeats);
  const pending = Math.min(counts.pendingSeats, free);
  return (
    <div
      aria-hidden="true"
      title={labels.bar}
      className="flex h-4 w-full overflow-hidden rounded border border-ink-muted bg-paper-raised"
    >
      <div className="bg-success" style={{ width: percent(counts.checkedInSeats) }} />
      <div className="bg-accent" style={{ width: percent(notYetIn) }} />
      <div
        className="bg-[repeating-linear-gradient(45deg,#92400e_0_3px,#fde68a_3px_7px)]"
        style={{ width: percent(pending) }}
      />
    </div>
  );
}

export function SeatLegend({ labels }: { labels: SeatBarLabels }) {
  const items = [
    ["bg-success", labels.checkedIn],
    ["bg-accent", labels.confirmed],
    ["bg-[repeating-linear-gradient(45deg,#92400e_0_3px,#fde68a_3px_7px)]", labels.pending],
    ["bg-paper-raised border border-ink-muted", labels.available],
  ];
  return (
    <ul className="flex flex-wrap gap-x-4 gap-y-1 text-sm text-ink-muted">
      {items.map(([swatch, text]) => (
        <li key={text} className="flex items-center gap-1.5">
          <span aria-hidden="true" className={`inline-block size-3 rounded-sm ${swatch}`} />
          {text}
        </li>
      ))}
    </ul>
  );
}
