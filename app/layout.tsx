import type { Metadata, Viewport } from "next";
import localFont from "next/font/local";
import type { ReactNode } from "react";

import { ForPageLocale, HtmlDocument } from "@/components/public/document";
import { SiteFooter, SiteHeader, SkipLink } from "@/components/public/site-chrome";
import { LOCALES, type Locale } from "@/lib/i18n/locale";
import { ZOD_CONFIG_SCRIPT } from "@/web/http/security-headers";
import { publicMessages } from "@/web/i18n/public-text";
import { siteNavigation } from "@/web/site-navigation";

import "./globals.css";

// Self-hosted from @fontsource-variable: next/font/google needs the network at build time.
const inter = localFont({
  src: [
    {
      path: "../node_modules/@fontsource-variable/inter/files/inter-latin-wght-normal.woff2",
      weight: "100 900",
      style: "normal",
    },
    {
      path: "../node_modules/@fontsource-variable/inter/files/inter-latin-wght-italic.woff2",
      weight: "100 900",
      style: "italic",
    },
  ],
  variable: "--font-inter",
  display: "swap",
});

const fraunces = localFont({
  src: "../node_modules/@fontsource-variable/fraunces/files/fraunces-latin-wght-normal.woff2",
  weight: "100 900",
  style: "normal",
  variable: "--font-fraunces",
  display: "swap",
  adjustFontFallback: "Times New Roman",
});

// No metadataBase here: APP_URL is runtime configuration, and this layout is also
// rendered at build time. Public pages set it (web/i18n/metadata.ts).
export function generateMetadata(): Metadata {
  return {
    title: { default: "AzioneLab", template: "%s · AzioneLab" },
    description: publicMessages("it").site.description,
  };
}

export const viewport: Viewport = {
  width: "device-width",
  initialScale: 1,
  themeColor: "#8b1e2d",
};

const byLocale = (render: (locale: Locale) => ReactNode) =>
  Object.fromEntries(LOCALES.map((locale) => [locale, render(locale)])) as Record<
    Locale,
    ReactNode
  >;

/**
 * The same for every request (no cookie, no header): the public pages below can be
 * rendered once and served from the cache. The language comes from the [locale] segment
 * (components/public/document.tsx); staff and admin pages, outside it, are Italian here.
 */
export default async function RootLayout({ children }: { children: ReactNode }) {
  const navigation = await siteNavigation();
  return (
    <HtmlDocument
      className={`${inter.variable} ${fraunces.variable}`}
      head={
        <head>
          {/* Before any bundle loads: zod (the forms' validation) probes `new Function` to
              decide whether to compile its parsers, and our CSP (no 'unsafe-eval') reports
              that probe as a violation. Its interpreted mode is as correct. Allowed by its
              hash in the CSP (web/http/security-headers.ts). */}
          <script>{ZOD_CONFIG_SCRIPT}</script>
        </head>
      }
    >
      <body className="flex min-h-dvh flex-col">
        <ForPageLocale
          parts={byLocale((locale) => (
            <>
              <SkipLink text={publicMessages(locale).site.skipToContent} />
              <SiteHeader
                locale={locale}
                t={publicMessages(locale).site}
                pages={navigation[locale].filter((page) => page.inHeader)}
              />
            </>
          ))}
        />
        <main
          id="main"
          tabIndex={-1}
          className="mx-auto w-full max-w-5xl flex-1 px-4 py-8 has-[[data-admin-wide]]:max-w-7xl print:max-w-none print:p-0"
        >
          {children}
        </main>
        <ForPageLocale
          parts={byLocale((locale) => (
            <SiteFooter
              locale={locale}
              t={publicMessages(locale).site.footer}
              pages={navigation[locale].filter((page) => page.inFooter)}
            />
          ))}
        />
      </body>
    </HtmlDocument>
  );
}
