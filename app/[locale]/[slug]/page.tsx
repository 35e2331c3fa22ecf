import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { MarkdownBody } from "@/components/public/markdown-body";
import { getPublishedPage } from "@/lib/catalog/public-catalog";
import { db } from "@/lib/db";
import { localizedPath } from "@/lib/i18n/localized-path";
import { publicPageMetadata } from "@/web/i18n/metadata";
import { pageLocale } from "@/web/i18n/page-locale";

// Served from the cache for 1 s after each render, then rendered again for the next
// request (expireTime in next.config.ts): an admin edit shows within 2 s.
export const revalidate = 1;
// None at build time (no database then): rendered on first request, then cached.
export function generateStaticParams(): { slug: string }[] {
  return [];
}

// Admin-editable pages (contatti, privacy, ...) at the top level. Static routes such as
// /shows, /admin, /staff and /login take precedence over this dynamic segment.
type Props = { params: Promise<{ locale: string; slug: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const locale = await pageLocale(params);
  const { slug } = await params;
  const page = await getPublishedPage(db, slug, locale);
  if (!page) return {};
  return publicPageMetadata({ locale, path: `/${slug}`, title: page.title });
}

export default async function PublishedPage({ params }: Props) {
  const locale = await pageLocale(params);
  const { slug } = await params;
  if (slug === "home") redirect(localizedPath(locale, "/"));
  const page = await getPublishedPage(db, slug, locale);
  if (!page) notFound();
  return (
    <article className="max-w-prose space-y-4">
      <h1 className="text-4xl font-semibold">{page.title}</h1>
      <MarkdownBody source={page.body} />
    </article>
  );
}
