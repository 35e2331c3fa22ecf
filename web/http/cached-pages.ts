import { splitLocale } from "@/lib/i18n/localized-path";

/**
 * The public pages served from the cache (time-revalidated, app/[locale]/…): the home,
 * the show list, a show's page, CMS pages. They are rendered once for everybody, so they
 * cannot carry a per-request nonce (SECURITY.md, "Cached pages").
 */
export function isCachedPublicPage(pathname: string): boolean {
  const { path } = splitLocale(pathname);
  if (path === "/" || path === "/shows") return true;
  if (/^\/shows\/[^/]+$/.test(path)) return true;
  return /^\/[^/]+$/.test(path) && !["/confirm", "/ticket", "/lost-ticket"].includes(path);
}

/** The benchmark's bare page (app/dev/bare): static, so it gets the cached pages' policy. */
export const BARE_PAGE = "/dev/bare";
