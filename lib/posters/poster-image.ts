import type { Prisma } from "@/lib/generated/prisma/client";
import type { PosterFormat } from "@/lib/posters/prepare-poster";

/** What a page needs to render a poster without layout shift: sizes, sources, text. */
export type PosterImage = {
  width: number;
  height: number;
  alt: string;
  /** `srcset` of each format, narrowest first. */
  srcSet: Record<PosterFormat, string>;
  /** The fallback `src` (the widest WebP). */
  src: string;
};

/** The select that posterImageOf reads. */
export const POSTER_SELECT = {
  width: true,
  height: true,
  variants: { select: { format: true, width: true, digest: true }, orderBy: { width: "asc" } },
} as const satisfies Prisma.PosterSelect;

type PosterRow = Prisma.PosterGetPayload<{ select: typeof POSTER_SELECT }>;

/** A variant's content-addressed URL on this site. */
export function posterVariantPath(digest: string, format: string): string {
  return `/posters/${digest}.${format}`;
}

/** `<digest>.<avif|webp>` as in the URL, or null. */
export function parsePosterFile(file: string): { digest: string; format: PosterFormat } | null {
  const match = /^([0-9a-f]{64})\.(avif|webp)$/.exec(file);
  return match ? { digest: match[1], format: match[2] as PosterFormat } : null;
}

export function posterImageOf(poster: PosterRow | null, alt: string): PosterImage | null {
  if (!poster || poster.variants.length === 0) return null;
  const of = (format: PosterFormat) => poster.variants.filter((v) => v.format === format);
  const srcSet = (format: PosterFormat) =>
    of(format)
      .map((v) => `${posterVariantPath(v.digest, format)} ${v.width}w`)
      .join(", ");
  const webp = of("webp");
  const widest = webp[webp.length - 1] ?? poster.variants[poster.variants.length - 1];
  return {
    width: poster.width,
    height: poster.height,
    alt,
    srcSet: { avif: srcSet("avif"), webp: srcSet("webp") },
    src: posterVariantPath(widest.digest, widest.format),
  };
}

/** The poster a show is known by elsewhere (API, search engines, link previews): the uploaded one, else the typed URL; "" for none. */
export function showPosterUrl(show: { poster: PosterImage | null; posterImage: string }): string {
  return show.poster?.src ?? show.posterImage;
}
