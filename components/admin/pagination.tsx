import Link from "next/link";
import { fill } from "@/lib/i18n/fill";

/** Previous/next links that keep the current filters; says where we are and how many there are. */
export function Pagination({
  page,
  pageCount,
  total,
  hrefFor,
  labels,
}: {
  page: number;
  pageCount: number;
  total: number;
  hrefFor: (page: number) => string;
  labels: { previous: string; next: string; pageOf: string; pagination: string };
}) {
  // An empty list says so itself; "page 1 of 1 · 0 in total" under it is noise.
  if (total === 0 && page <= 1) return null;
  return (
    <nav aria-label={labels.pagination} className="mt-4 flex flex-wrap items-center gap-4">
      {page > 1 ? <Link href={hrefFor(page - 1)}>{labels.previous}</Link> : null}
      <p className="text-ink-muted">{fill(labels.pageOf, { page, pages: pageCount, total })}</p>
      {page < pageCount ? <Link href={hrefFor(page + 1)}>{labels.next}</Link> : null}
    </nav>
  );
}
