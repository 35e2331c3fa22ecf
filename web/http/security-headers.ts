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
  return [
    "default-src 'self'",
    // React needs eval in development only (error overlays, stack reconstruction).
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${development ? " 'unsafe-eval'" : ""}`,
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
