/** The short code's alphabet: digits and capitals without look-alikes (no 0/O, 1/I/L). Same as new_booking_code in SQL. */
export const BOOKING_CODE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";

const BOOKING_CODE = /^[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{6,8}$/;

/** What staff typed, as a code: upper-cased, spaces and dashes dropped; null when it is not one. */
export function parseBookingCode(typed: string): string | null {
  const code = typed.replace(/[\s-]/g, "").toUpperCase();
  return BOOKING_CODE.test(code) ? code : null;
}

/** For print and speech: "K7M-4QX". */
export function formatBookingCode(code: string): string {
  return code.length === 6 ? `${code.slice(0, 3)}-${code.slice(3)}` : code;
}
