import type { Metadata, Viewport } from "next";
import localFont from "next/font/local";
import Link from "next/link";
import type { ReactNode } from "react";

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

// Italian is the default language (PRODUCT.md §9); locale switching replaces this later.
const defaultLocale = "it";

export const metadata: Metadata = {
  title: {
    default: "AzioneLab",
    template: "%s · AzioneLab",
  },
  description: "Compagnia teatrale a Roma: spettacoli, date e prenotazioni.",
};

export const viewport: Viewport = {
  width: "device-width",
  initialScale: 1,
  themeColor: "#8b1e2d",
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang={defaultLocale} className={`${inter.variable} ${fraunces.variable}`}>
      <body className="flex min-h-dvh flex-col">
        <a
          href="#main"
          className="sr-only focus:not-sr-only focus:fixed focus:top-2 focus:left-2 focus:z-50 focus:rounded focus:bg-paper-raised focus:px-4 focus:py-2 focus:shadow"
        >
          Vai al contenuto
        </a>
        <header className="border-b border-line bg-paper-raised">
          <div className="mx-auto flex max-w-5xl items-center justify-between px-4 py-3">
            <Link href="/" className="font-display text-xl font-semibold text-ink no-underline">
              AzioneLab
            </Link>
          </div>
        </header>
        <main id="main" tabIndex={-1} className="mx-auto w-full max-w-5xl flex-1 px-4 py-8">
          {children}
        </main>
        <footer className="border-t border-line bg-paper-sunken">
          <div className="mx-auto max-w-5xl px-4 py-6 text-sm text-ink-muted">
            <p>© AzioneLab · Roma</p>
          </div>
        </footer>
      </body>
    </html>
  );
}
