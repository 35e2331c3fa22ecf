import { crc32, deflateSync } from "node:zlib";
import QRCode from "qrcode";
import type { Locale } from "@/lib/i18n/locale";
import { localizedPath } from "@/lib/i18n/localized-path";

// The QR carries the bare check-in token and nothing else (PRODUCT.md §3): short enough
// to scan fast from a dim phone screen, and no personal data can ever end up in it.
const ERROR_CORRECTION = "M";
const MARGIN_MODULES = 2;
// 8 px per module (264 px for a 43-character token): crisp when printed or scaled up.
const PIXELS_PER_MODULE = 8;

/**
 * The ticket QR as a 1-bit black-and-white PNG. Encoded here rather than with qrcode's
 * own PNG renderer, which builds an RGBA image and cost ~9 ms of CPU per ticket — the
 * largest single cost of a confirmation; this takes a fraction of a millisecond.
 */
export function ticketQrPng(checkInToken: string): Buffer {
  // One byte-mode segment, as qrcode would choose for a base64url token anyway: given a
  // bare string it first searches for the cheapest mix of modes, half of its cost (any mix decodes to the same token).
  const { modules } = QRCode.create([{ data: Buffer.from(checkInToken, "latin1"), mode: "byte" }], {
    errorCorrectionLevel: ERROR_CORRECTION,
  });
  const side = (modules.size + 2 * MARGIN_MODULES) * PIXELS_PER_MODULE;
  const rowBytes = Math.ceil(side / 8);
  const raw = Buffer.alloc((rowBytes + 1) * side); // each row: filter byte 0, then pixels
  for (let y = 0; y < side; y += 1) {
    const moduleY = Math.floor(y / PIXELS_PER_MODULE) - MARGIN_MODULES;
    for (let x = 0; x < side; x += 1) {
      const moduleX = Math.floor(x / PIXELS_PER_MODULE) - MARGIN_MODULES;
      const inside =
        moduleX >= 0 && moduleY >= 0 && moduleX < modules.size && moduleY < modules.size;
      const white = !(inside && modules.get(moduleY, moduleX));
      // Grayscale, 1 bit per pixel: 1 is white.
      if (white) raw[y * (rowBytes + 1) + 1 + (x >> 3)] |= 0x80 >> (x & 7);
    }
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(side, 0);
  header.writeUInt32BE(side, 4);
  header.set([1, 0, 0, 0, 0], 8); // bit depth 1, grayscale, deflate, adaptive filtering, no interlace
  return Buffer.concat([
    PNG_SIGNATURE,
    chunk("IHDR", header),
    chunk("IDAT", deflateSync(raw)),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const typeAndData = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typeAndData));
  return Buffer.concat([length, typeAndData, crc]);
}

export function ticketQrDataUrl(checkInToken: string): string {
  return `data:image/png;base64,${ticketQrPng(checkInToken).toString("base64")}`;
}

/**
 * The page that reopens the ticket, in the visitor's language (Italian at `/ticket`,
 * English at `/en/ticket`); the token rides in the fragment, so it never reaches a server log.
 */
export function ticketUrl(appUrl: string, checkInToken: string, locale: Locale = "it"): string {
  return `${appUrl}${localizedPath(locale, "/ticket")}#token=${checkInToken}`;
}

/** The emailed confirmation link, in the visitor's language (`/confirm`, `/en/confirm`). */
export function confirmationUrl(
  appUrl: string,
  confirmationToken: string,
  locale: Locale = "it",
): string {
  return `${appUrl}${localizedPath(locale, "/confirm")}#token=${confirmationToken}`;
}
