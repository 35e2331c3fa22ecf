import "server-only";

import { config } from "@/lib/config";

/**
 * The client's address, for rate limits. Behind a reverse proxy (TRUST_PROXY=on) it is
 * the right-most X-Forwarded-For entry: the one our proxy appended (entries to its left
 * come from the client and can be forged). Otherwise it is the TCP peer, which the
 * production server puts in `x-client-address` (scripts/server-preload.mjs) overwriting
 * whatever the client sent. Without either (next dev), everyone shares one bucket.
 */
export function clientAddress(headers: Headers): string {
  if (config().TRUST_PROXY === "on") {
    const hops = headers
      .get("x-forwarded-for")
      ?.split(",")
      .map((hop) => hop.trim())
      .filter(Boolean);
    if (hops && hops.length > 0) return hops[hops.length - 1];
  }
  return headers.get("x-client-address") || "unknown";
}
