import type { PosterImage } from "@/lib/posters/poster-image";

/**
 * A poster as <picture>: AVIF, then WebP, at the widths stored. `width` and `height` are
 * the image's own, so the browser reserves its box before a byte arrives (no layout
 * shift); `sizes` says how wide it is drawn. With `fill`, it covers a box of fixed
 * aspect ratio given by the parent (cards), cropped if its ratio differs.
 */
export function PosterPicture({
  poster,
  sizes,
  className = "",
  priority = false,
}: {
  poster: PosterImage;
  sizes: string;
  className?: string;
  /** The page's main image: loaded at once rather than lazily. */
  priority?: boolean;
}) {
  return (
    <picture>
      <source type="image/avif" srcSet={poster.srcSet.avif} sizes={sizes} />
      <source type="image/webp" srcSet={poster.srcSet.webp} sizes={sizes} />
      {/* Our own stored widths in <picture> (lib/posters): next/image would re-encode them. */}
      <img
        src={poster.src}
        alt={poster.alt}
        width={poster.width}
        height={poster.height}
        loading={priority ? "eager" : "lazy"}
        fetchPriority={priority ? "high" : undefined}
        decoding="async"
        className={className}
      />
    </picture>
  );
}

/**
 * Where a show has no poster: a panel of the same shape with its title set in type, so a
 * grid of cards with and without posters keeps one rhythm. Decorative: the title is the
 * card's heading already.
 */
export function PosterPlaceholder({
  title,
  className = "",
}: {
  title: string;
  className?: string;
}) {
  return (
    <div
      aria-hidden="true"
      className={`flex flex-col justify-between overflow-hidden bg-accent p-3 text-paper ${className}`}
    >
      <span className="text-xs font-semibold tracking-[0.2em] uppercase opacity-80">AzioneLab</span>
      <span className="font-display text-lg leading-tight font-semibold break-words hyphens-auto sm:text-2xl">
        {title}
      </span>
    </div>
  );
}

/**
 * A show's poster: the uploaded one, else the URL an admin typed (of unknown size, so it
 * fills a 2:3 box, cropped), else — with `placeholder` — the typographic panel.
 */
export function ShowPoster({
  show,
  urlAlt,
  sizes,
  className,
  priority = false,
  placeholder = false,
}: {
  show: { title: string; poster: PosterImage | null; posterImage: string };
  /** The typed URL's alternative text ("Poster of <title>"). */
  urlAlt: string;
  sizes: string;
  className: string;
  priority?: boolean;
  placeholder?: boolean;
}) {
  if (show.poster)
    return (
      <PosterPicture poster={show.poster} sizes={sizes} className={className} priority={priority} />
    );
  if (show.posterImage)
    return (
      // eslint-disable-next-line @next/next/no-img-element -- remote poster URLs of any host
      <img
        src={show.posterImage}
        alt={urlAlt}
        className={`aspect-[2/3] object-cover ${className}`}
        loading={priority ? "eager" : "lazy"}
      />
    );
  return placeholder ? <PosterPlaceholder title={show.title} className={className} /> : null;
}
