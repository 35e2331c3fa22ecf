/**
 * The Content-Security-Policy of one response. Scripts run only with this request's nonce
 * (Next puts it on its own bootstrap and inline RSC scripts); 'strict-dynamic' lets those
 * load the chunks they need, and makes browsers ignore 'self' and host lists for scripts.
 * Styles keep 'unsafe-inline': Next and next/font add inline <style> tags, and a style
 * cannot run code. Images come from this site, data: URLs (the QR code) and the configured
 * poster origin only.
 */
export function contentSecurityPolicy({
  nonce,
  posterOrigin,
  development = false,
}: {
  nonce: string;
  posterOrigin?: string | null;
  development?: boolean;
}): string {
  // React needs eval in development only (error overlays, stack reconstruction).
  const scripts = `'self' 'nonce-${nonce}' '${ZOD_CONFIG_SCRIPT_HASH}' 'strict-dynamic'`;
  return policy(`${scripts}${development ? " 'unsafe-eval'" : ""}`, posterOrigin);
}

/**
 * The policy of a page served from the cache (home, show list, show pages, CMS pages),
 * which is rendered once for every visitor and so cannot carry a per-request nonce. Next's
 * inline scripts (the RSC payload) differ per page and build, so neither can they be
 * listed by hash: scripts are limited to this origin plus inline ones. These pages take no
 * visitor input and React escapes all text, admin-written Markdown included (SECURITY.md).
 */
export function cachedPageContentSecurityPolicy({
  posterOrigin,
  development = false,
}: {
  posterOrigin?: string | null;
  development?: boolean;
}): string {
  return policy(`'self' 'unsafe-inline'${development ? " 'unsafe-eval'" : ""}`, posterOrigin);
}

/**
 * The policy of the route handlers under /api: JSON, images and calendar files, no
 * document of ours to run scripts in. Static, so an API request pays for no nonce.
 */
export const API_CONTENT_SECURITY_POLICY =
  "default-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

/** The one inline script of the root layout (app/layout.tsx), allowed by its hash. */
export const ZOD_CONFIG_SCRIPT = "globalThis.__zod_globalConfig={jitless:true};";
const ZOD_CONFIG_SCRIPT_HASH = "sha256-d4Jx5qDjvCmd42uhkuzVNAee8dx2xaORPSD3P9qY63Q=";

function policy(scriptSources: string, posterOrigin?: string | null): string {
  return [
    "default-src 'self'",
    `script-src ${scriptSources}`,
    "style-src 'self' 'unsafe-inline'",
    `img-src 'self' data:${posterOrigin ? ` ${posterOrigin}` : ""}`,
    "font-src 'self'",
    // The check-in scanner shows the camera stream as a blob: URL.
    "media-src 'self' blob:",
    "worker-src 'self' blob:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

/** Pages that may use the camera: only the door page scans tickets. */
const CAMERA_PAGES = new Set(["/staff/check-in"]);

export function permissionsPolicy(pathname: string): string {
  const camera = CAMERA_PAGES.has(pathname) ? "camera=(self)" : "camera=()";
  return `${camera}, microphone=(), geolocation=(), payment=(), usb=()`;
}

/** A fresh nonce: 128 random bits, base64. */
export function newNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}
