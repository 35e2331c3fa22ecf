import QRCode from "qrcode";

// The QR carries the bare check-in token and nothing else (PRODUCT.md §3): short enough
// to scan fast from a dim phone screen, and no personal data can ever end up in it.
// 8 px per module (264 px for a 43-character token): crisp when printed or scaled up,
// and cheap to render — a 480 px PNG cost ~20 ms of CPU per confirmation.
const QR_OPTIONS = { errorCorrectionLevel: "M", margin: 2, scale: 8 } as const;

export function ticketQrPng(checkInToken: string): Promise<Buffer> {
  return QRCode.toBuffer(checkInToken, { ...QR_OPTIONS, type: "png" });
}

export function ticketQrDataUrl(checkInToken: string): Promise<string> {
  return QRCode.toDataURL(checkInToken, { ...QR_OPTIONS, type: "image/png" });
}

/** The page that reopens the ticket; the token rides in the fragment, so it never reaches a server log. */
export function ticketUrl(appUrl: string, checkInToken: string): string {
  return `${appUrl}/ticket#token=${checkInToken}`;
}

export function confirmationUrl(appUrl: string, confirmationToken: string): string {
  return `${appUrl}/confirm#token=${confirmationToken}`;
}
