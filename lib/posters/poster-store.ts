import type { Db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { PreparedPoster } from "@/lib/posters/prepare-poster";

type Tx = Prisma.TransactionClient;

/**
 * Stores a prepared poster with its variants and returns its id. The same upload stored
 * before (same source digest) is reused, not stored twice.
 */
export async function storePoster(tx: Tx, prepared: PreparedPoster): Promise<number> {
  const existing = await tx.poster.findUnique({
    where: { sourceDigest: prepared.sourceDigest },
    select: { id: true },
  });
  if (existing) return existing.id;
  const poster = await tx.poster.create({
    data: {
      sourceDigest: prepared.sourceDigest,
      width: prepared.width,
      height: prepared.height,
      variants: { create: prepared.variants },
    },
    select: { id: true },
  });
  return poster.id;
}

/** Deletes a poster (and its variants) that no show uses any more. */
export async function deleteUnusedPoster(tx: Tx, posterId: number): Promise<void> {
  await tx.poster.deleteMany({ where: { id: posterId, shows: { none: {} } } });
}

/** One encoded variant by the digest in its URL, or null. */
export function posterVariantByDigest(db: Db, digest: string) {
  return db.posterVariant.findUnique({ where: { digest }, select: { format: true, bytes: true } });
}
