import { config } from "@/lib/config";

/**
 * An absolute URL on this site, built from APP_URL. Never from `request.url` or the Host
 * header: behind a proxy those name the internal address (`http://0.0.0.0:3000`), and a
 * client chooses them freely.
 */
export function appUrl(path: string): URL {
  return new URL(path, `${config().APP_URL}/`);
}

/** The sign-in page, with where to come back to afterwards (a path on this site). */
export function signInUrl(returnTo: string): URL {
  const url = appUrl("/login");
  url.searchParams.set("callbackUrl", returnTo);
  return url;
}

/**
 * The origins a browser on this site sends in `Origin`: APP_URL's, and the Host the
 * request was addressed to. `X-Forwarded-Host` counts only behind a trusted proxy
 * (TRUST_PROXY=on), which overwrites whatever a client sent.
 */
export function ownOrigins(headers: Headers): Set<string> {
  const appOrigin = new URL(config().APP_URL);
  const origins = new Set([appOrigin.origin]);
  const host =
    (config().TRUST_PROXY === "on" ? headers.get("x-forwarded-host") : null) ?? headers.get("host");
  if (host) origins.add(`${appOrigin.protocol}//${host}`);
  return origins;
}
