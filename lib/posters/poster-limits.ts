// What a poster upload may be; read by the form in the browser and by preparePoster.

/** The largest upload accepted (10 MB), checked before any decoding. */
export const MAX_POSTER_BYTES = 10 * 1024 * 1024;

/** What the upload field accepts; anything else is refused with `poster_wrong_type`. */
export const POSTER_CONTENT_TYPES = ["image/jpeg", "image/png", "image/webp"] as const;

/** What the browser can tell of a chosen file before it is sent; the server checks the bytes. */
export function posterFileRefusal(file: {
  size: number;
  type: string;
}): "poster_too_large" | "poster_wrong_type" | null {
  if (!(POSTER_CONTENT_TYPES as readonly string[]).includes(file.type)) return "poster_wrong_type";
  if (file.size > MAX_POSTER_BYTES) return "poster_too_large";
  return null;
}
