import Link from "next/link";
import { LanguageSwitch } from "@/components/public/language-switch";
import type { Locale } from "@/lib/i18n/locale";
import { localizedPath } from "@/lib/i18n/localized-path";
import type { PublicMessages } from "@/lib/i18n/messages/public";
import type { NavigationPage } from "@/lib/catalog/public-catalog";

const headerLinkClass =
  "inline-flex min-h-11 items-center rounded-md px-3 font-semibold text-ink no-underline hover:bg-paper-sunken";

export function SkipLink({ text }: { text: string }) {
  return (
    <a
      href="#main"
      className="sr-only focus:not-sr-only focus:fixed focus:top-2 focus:left-2 focus:z-50 focus:rounded focus:bg-paper-raised focus:px-4 focus:py-2 focus:shadow"
    >
      {text}
    </a>
  );
}

/** The site's header; `pages` are the CMS pages an admin put into it. */
export function SiteHeader({
  locale,
  t,
  pages,
}: {
  locale: Locale;
  t: PublicMessages["site"];
  pages: NavigationPage[];
}) {
  return (
    <header className="border-b border-line bg-paper-raised print:hidden">
      <div className="mx-auto flex max-w-5xl flex-wrap items-center justify-between gap-x-4 gap-y-1 px-4 py-2">
        <Link
          href={localizedPath(locale, "/")}
          className="py-2 font-display text-xl font-semibold text-ink no-underline"
        >
          AzioneLab
        </Link>
        <div className="flex items-center gap-2">
          <nav aria-label={t.nav.label}>
            <ul className="flex flex-wrap items-center gap-1">
              <li>
                <Link href={localizedPath(locale, "/shows")} className={headerLinkClass}>
                  {t.nav.shows}
                </Link>
              </li>
              {pages.map((page) => (
                <li key={page.slug}>
                  <Link href={localizedPath(locale, `/${page.slug}`)} className={headerLinkClass}>
                    {page.title}
                  </Link>
                </li>
              ))}
            </ul>
          </nav>
          <LanguageSwitch locale={locale} t={t.language} />
        </div>
      </div>
    </header>
  );
}

/** The site's footer: the CMS pages an admin put into it, then "lost your ticket?". */
export function SiteFooter({
  locale,
  t,
  pages,
}: {
  locale: Locale;
  t: PublicMessages["site"]["footer"];
  pages: NavigationPage[];
}) {
  return (
    <footer className="border-t border-line bg-paper-sunken print:hidden">
      <div className="mx-auto flex max-w-5xl flex-col gap-3 px-4 py-6 text-sm text-ink-muted sm:flex-row sm:items-center sm:justify-between">
        <p>© AzioneLab · {t.tagline}</p>
        <ul className="flex flex-wrap gap-x-4 gap-y-2">
          {pages.map((page) => (
            <li key={page.slug}>
              <Link href={localizedPath(locale, `/${page.slug}`)} className="inline-block py-1">
                {page.title}
              </Link>
            </li>
          ))}
          <li>
            <Link href={localizedPath(locale, "/lost-ticket")} className="inline-block py-1">
              {t.lostTicket}
            </Link>
          </li>
        </ul>
      </div>
    </footer>
  );
}
