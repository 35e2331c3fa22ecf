import type { Metadata } from "next";
import { config } from "@/lib/config";
import { LOCALES, type Locale } from "@/lib/i18n/locale";
import { alternatePaths, localizedPath } from "@/lib/i18n/localized-path";
import { publicMessages } from "@/web/i18n/public-text";

const OPEN_GRAPH_LOCALE: Record<Locale, string> = { it: "it_IT", en: "en_GB" };

/** Where relative metadata URLs (canonical, alternates, og:url) point: APP_URL. */
export function siteMetadataBase(): URL {
  return new URL(`${config().APP_URL}/`);
}

/**
 * A public page's metadata: its title and summary, the canonical URL in its language,
 * hreflang alternates for both languages (x-default: Italian, today's URL), and the
 * Open Graph and Twitter card tags that chat previews and search engines read.
 */
export function publicPageMetadata({
  locale,
  path,
  title,
  description,
  image,
  index = true,
}: {
  locale: Locale;
  /** The page's path without a language prefix ("/shows/amleto"). */
  path: string;
  title?: string;
  description?: string | null;
  image?: string | null;
  index?: boolean;
}): Metadata {
  const summary = description || publicMessages(locale).site.description;
  const url = localizedPath(locale, path);
  const alternates = alternatePaths(path);
  return {
    metadataBase: siteMetadataBase(),
    title,
    description: summary,
    alternates: {
      canonical: url,
      languages: { ...alternates, "x-default": alternates.it },
    },
    openGraph: {
      type: "website",
      siteName: "AzioneLab",
      url,
      title: title ?? "AzioneLab",
      description: summary,
      locale: OPEN_GRAPH_LOCALE[locale],
      alternateLocale: LOCALES.filter((other) => other !== locale).map(
        (other) => OPEN_GRAPH_LOCALE[other],
      ),
      ...(image ? { images: [{ url: image }] } : {}),
    },
    twitter: {
      card: image ? "summary_large_image" : "summary",
      title: title ?? "AzioneLab",
      description: summary,
      ...(image ? { images: [image] } : {}),
    },
    ...(index ? {} : { robots: { index: false, follow: false } }),
  };
}
