import type { Metadata, Viewport } from "next";
import localFont from "next/font/local";
import { headers } from "next/headers";
import type { ReactNode } from "react";

import { SiteFooter, SiteHeader } from "@/components/public/site-chrome";
import { publicText } from "@/web/i18n/public-text";

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

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await publicText();
  return {
    title: { default: "AzioneLab", template: "%s · AzioneLab" },
    description: t.site.description,
  };
}

export const viewport: Viewport = {
  width: "device-width",
  initialScale: 1,
  themeColor: "#8b1e2d",
};

// Reads the language cookie, so every page renders per request (availability must be fresh anyway).
export default async function RootLayout({ children }: { children: ReactNode }) {
  const { locale, t } = await publicText();
  // The CSP nonce proxy.ts gave this request (Next puts it on its own scripts).
  const nonce = (await headers()).get("x-nonce") ?? undefined;
  return (
    <html lang={locale} className={`${inter.variable} ${fraunces.variable}`}>
      <head>
        {/* Before any bundle loads: zod (the forms' validation) probes `new Function` to
            decide whether to compile its parsers, and our CSP (no 'unsafe-eval') reports
            that probe as a violation. Its interpreted mode is as correct. */}
        <script nonce={nonce}>{"globalThis.__zod_globalConfig={jitless:true};"}</script>
      </head>
      <body className="flex min-h-dvh flex-col">
        <a
          href="#main"
          className="sr-only focus:not-sr-only focus:fixed focus:top-2 focus:left-2 focus:z-50 focus:rounded focus:bg-paper-raised focus:px-4 focus:py-2 focus:shadow"
        >
          {t.site.skipToContent}
        </a>
        <SiteHeader locale={locale} t={t.site} />
        <main
          id="main"
          tabIndex={-1}
          className="mx-auto w-full max-w-5xl flex-1 px-4 py-8 print:max-w-none print:p-0"
        >
          {children}
        </main>
        <SiteFooter t={t.site.footer} />
      </body>
    </html>
  );
}
