/**
 * The client's address for rate limiting. Behind the reverse proxy of the deployment the
 * first X-Forwarded-For entry is the client; directly, there is no trustworthy header,
 * so all direct clients share one bucket per limit rather than spoof their way out.
 */
export function clientAddress(headers: Headers): string {
  const forwarded = headers.get("x-forwarded-for")?.split(",")[0]?.trim();
  return forwarded || headers.get("x-real-ip") || "direct";
}
