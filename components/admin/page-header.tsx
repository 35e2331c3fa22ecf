import Link from "next/link";
import type { ReactNode } from "react";

export function PageHeader({
  title,
  action,
  children,
}: {
  title: string;
  action?: { href: string; label: string };
  children?: ReactNode;
}) {
  return (
    <div className="mb-6 flex flex-wrap items-end justify-between gap-4">
      <div>
        <h1 className="text-3xl font-semibold">{title}</h1>
        {children}
      </div>
      {action ? (
        <Link
          href={action.href}
          className="rounded-md bg-accent px-4 py-2 font-semibold text-white no-underline hover:bg-accent-strong hover:text-white"
        >
          {action.label}
        </Link>
      ) : null}
    </div>
  );
}

/**
 * A table that scrolls sideways on a phone instead of overflowing the page. `relative`:
 * an absolutely positioned cell content (an `sr-only` column heading) is clipped here
 * too; without it, it sits at the table's right edge and widens the whole page.
 */
export function TableScroller({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div
      role="region"
      aria-label={label}
      tabIndex={0}
      className="relative overflow-x-auto rounded-lg border border-line bg-paper-raised"
    >
      {children}
    </div>
  );
}

export const tableClass =
  "w-full border-collapse text-left text-sm [&_td]:border-t [&_td]:border-line [&_td]:px-3 [&_td]:py-2 [&_th]:px-3 [&_th]:py-2 [&_th]:font-semibold [&_thead]:bg-paper-sunken";
