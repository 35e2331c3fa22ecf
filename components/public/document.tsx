"use client";

import { useParams } from "next/navigation";
import type { ReactNode } from "react";
import { isLocale, type Locale } from "@/lib/i18n/locale";
import { localizedPath } from "@/lib/i18n/localized-path";

/** The page's language: the [locale] segment of a public page, else Italian (staff, admin). */
export function usePageLocale(): Locale {
  const { locale } = useParams<{ locale?: string }>();
  return isLocale(locale) ? locale : "it";
}

/**
 * <html> with the page's language. The root layout cannot read the [locale] segment (and
 * must stay free of per-request data to let the public pages be cached), so the language
 * comes from the route's params here, in the server-rendered HTML as in the browser.
 */
export function HtmlDocument({
  className,
  head,
  children,
}: {
  className: string;
  head: ReactNode;
  children: ReactNode;
}) {
  return (
    <html lang={usePageLocale()} className={className}>
      {head}
      {children}
    </html>
  );
}

/** Shows the part rendered for the page's language (the site's header and footer). */
export function ForPageLocale({ parts }: { parts: Record<Locale, ReactNode> }) {
  return parts[usePageLocale()];
}

/** A path of the public site in the page's language, for links in client components. */
export function useLocalizedPath(): (path: string) => string {
  const locale = usePageLocale();
  return (path) => localizedPath(locale, path);
}
