import { hasLocale } from "next-intl";
import { notFound } from "next/navigation";
import type { ReactNode } from "react";
import { routing } from "@/web/i18n/routing";

// None at build time (the build has no database): each page below is rendered on its
// first request, then served from the cache and re-rendered in the background as its
// `revalidate` says (ISR). Pages that read the request opt out with `dynamic`.
export function generateStaticParams(): { locale: string }[] {
  return [];
}

/** The public site in one language (web/i18n/routing.ts): /… Italian, /en/… English. */
export default async function LocaleLayout({
  children,
  params,
}: {
  children: ReactNode;
  params: Promise<{ locale: string }>;
}) {
  if (!hasLocale(routing.locales, (await params).locale)) notFound();
  return children;
}
