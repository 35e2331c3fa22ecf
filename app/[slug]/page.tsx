import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { MarkdownBody } from "@/components/public/markdown-body";
import { getPublishedPage } from "@/lib/catalog/public-catalog";
import { db } from "@/lib/db";
import { getLocale } from "@/web/i18n/locale";

// Admin-editable pages (contatti, privacy, ...) at the top level. Static routes such as
// /shows, /admin, /staff and /login take precedence over this dynamic segment.
type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const page = await getPublishedPage(db, (await params).slug, await getLocale());
  return { title: page?.title };
}

export default async function PublishedPage({ params }: Props) {
  const { slug } = await params;
  if (slug === "home") redirect("/");
  const page = await getPublishedPage(db, slug, await getLocale());
  if (!page) notFound();
  return (
    <article className="max-w-prose space-y-4">
      <h1 className="text-4xl font-semibold">{page.title}</h1>
      <MarkdownBody source={page.body} />
    </article>
  );
}
