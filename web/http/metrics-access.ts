import "server-only";

import { createHash, timingSafeEqual } from "node:crypto";

/**
 * Whether the request carries `Authorization: Bearer <METRICS_TOKEN>`. Both sides are
 * hashed first, so the comparison takes the same time whatever the length or the prefix
 * that matches.
 */
export function hasMetricsToken(headers: Headers, configured: string | undefined): boolean {
  if (!configured) return false;
  const match = /^Bearer\s+(\S+)$/i.exec(headers.get("authorization") ?? "");
  if (!match) return false;
  const digest = (value: string) => createHash("sha256").update(value).digest();
  return timingSafeEqual(digest(match[1]), digest(configured));
}
