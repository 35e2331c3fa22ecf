import type { Metadata } from "next";

export const metadata: Metadata = { title: "Bare page", robots: { index: false, follow: false } };

/**
 * The benchmark's floor (bench/run.ts, page weight): a static page with no component of
 * its own, so what it loads is the framework runtime plus the root layout. Each public
 * page's JavaScript is reported as this floor plus the page's own.
 */
export default function BarePage() {
  return <p>AzioneLab</p>;
}
