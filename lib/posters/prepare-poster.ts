import { createHash } from "node:crypto";
import sharp from "sharp";
import { MAX_POSTER_BYTES } from "@/lib/posters/poster-limits";

/**
 * Widths the poster is encoded at (never wider than the upload itself): enough for a
 * card thumbnail and the show page at 1× and 2×.
 */
export const POSTER_WIDTHS = [320, 640, 960] as const;

/** A decompression bomb (a small file of huge pixel dimensions) is refused, not decoded. */
const MAX_INPUT_PIXELS = 40_000_000;

export type PosterFormat = "avif" | "webp";

export type PosterRefusal = "poster_too_large" | "poster_wrong_type" | "poster_unreadable";

export type PreparedVariant = {
  format: PosterFormat;
  width: number;
  height: number;
  /** SHA-256 hex of `bytes`: the variant's URL. */
  digest: string;
  bytes: Uint8Array<ArrayBuffer>;
};

export type PreparedPoster = {
  sourceDigest: string;
  width: number;
  height: number;
  variants: PreparedVariant[];
};

const sha256 = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");

/** The format the bytes really are (the browser's declared type is not trusted). */
function sniffFormat(bytes: Uint8Array): "jpeg" | "png" | "webp" | null {
  const ascii = (from: number, to: number) => String.fromCharCode(...bytes.subarray(from, to));
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff)
    return "jpeg";
  if (bytes.length >= 8 && ascii(1, 4) === "PNG" && bytes[0] === 0x89) return "png";
  if (bytes.length >= 12 && ascii(0, 4) === "RIFF" && ascii(8, 12) === "WEBP") return "webp";
  return null;
}

/**
 * Checks an uploaded poster and encodes it once into AVIF and WebP at POSTER_WIDTHS. Only
 * JPEG, PNG and WebP up to MAX_POSTER_BYTES are accepted, by their content; EXIF
 * orientation is applied and every metadata block (GPS included) is dropped. Pure: it
 * stores nothing, so a refusal leaves nothing behind.
 */
export async function preparePoster(
  bytes: Uint8Array,
): Promise<{ ok: true; poster: PreparedPoster } | { ok: false; reason: PosterRefusal }> {
  if (bytes.length > MAX_POSTER_BYTES) return { ok: false, reason: "poster_too_large" };
  const format = sniffFormat(bytes);
  if (!format) return { ok: false, reason: "poster_wrong_type" };
  try {
    const source = sharp(bytes, { limitInputPixels: MAX_INPUT_PIXELS, failOn: "error" }).rotate();
    const { data, info } = await source
      .clone()
      .raw()
      .toBuffer({ resolveWithObject: true })
      .catch(() => ({ data: null, info: null }));
    if (!data || !info || info.width < 16 || info.height < 16)
      return { ok: false, reason: "poster_unreadable" };
    const { width, height } = info;
    const decoded = () =>
      sharp(data, { raw: { width, height, channels: info.channels } }).removeAlpha();
    const widths = [...new Set(POSTER_WIDTHS.map((w) => Math.min(w, width)))];
    const variants: PreparedVariant[] = [];
    for (const target of widths) {
      const resized = decoded().resize({ width: target, withoutEnlargement: true });
      const encoded: [PosterFormat, Buffer][] = [
        ["avif", await resized.clone().avif({ quality: 55, effort: 2 }).toBuffer()],
        ["webp", await resized.clone().webp({ quality: 78 }).toBuffer()],
      ];
      for (const [variantFormat, buffer] of encoded) {
        const out = new Uint8Array(new ArrayBuffer(buffer.length));
        out.set(buffer);
        variants.push({
          format: variantFormat,
          width: target,
          height: Math.round((height * target) / width),
          digest: sha256(out),
          bytes: out,
        });
      }
    }
    return { ok: true, poster: { sourceDigest: sha256(bytes), width, height, variants } };
  } catch {
    return { ok: false, reason: "poster_unreadable" };
  }
}
