import { db } from "@/lib/db";
import { parsePosterFile } from "@/lib/posters/poster-image";
import { posterVariantByDigest } from "@/lib/posters/poster-store";

export const dynamic = "force-dynamic";

// The URL is the SHA-256 of the bytes: what it names can never change, so any cache
// (browser, proxy, CDN) may keep it for a year without asking again.
const IMMUTABLE = "public, max-age=31536000, immutable";

/** A poster variant, `/posters/<sha256>.<avif|webp>`, straight from PostgreSQL. */
export async function GET(request: Request, { params }: { params: Promise<{ file: string }> }) {
  const parsed = parsePosterFile((await params).file);
  const notFound = () =>
    new Response("Not found", { status: 404, headers: { "Cache-Control": "no-store" } });
  if (!parsed) return notFound();
  const etag = `"${parsed.digest}"`;
  const headers = { "Cache-Control": IMMUTABLE, ETag: etag };
  if (request.headers.get("if-none-match") === etag)
    return new Response(null, { status: 304, headers });
  const variant = await posterVariantByDigest(db, parsed.digest);
  if (!variant || variant.format !== parsed.format) return notFound();
  return new Response(variant.bytes, {
    headers: {
      ...headers,
      "Content-Type": `image/${variant.format}`,
      "Content-Length": String(variant.bytes.length),
    },
  });
}
