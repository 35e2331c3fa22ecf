import { z } from "zod";
import { parseBookingCode } from "@/lib/check-ins/booking-code";
import type { CheckInTarget } from "@/lib/check-ins/check-in";
import type { CheckInSource } from "@/lib/generated/prisma/enums";
import { extractToken } from "@/lib/tokens";
import { rowId } from "@/lib/validation/text";

/**
 * What staff scanned or typed: the bare token or the whole ticket URL; parsed to the
 * bare token, remembering whether it came as a link (the QR holds the bare token, so a
 * URL was pasted from the ticket email or page).
 */
const ticketToken = z
  .string({ error: "Send the ticket token or the ticket URL." })
  .max(2048, "The ticket code is too long.")
  .transform((value, ctx) => {
    const token = extractToken(value);
    if (!token) {
      ctx.addIssue({ code: "custom", message: "This is not a ticket token or ticket URL." });
      return z.NEVER;
    }
    return { token, isLink: token !== value.trim() };
  });

const bookingCode = z
  .string()
  .max(20, "The booking code is too long.")
  .transform((value, ctx) => {
    const code = parseBookingCode(value);
    if (!code) {
      ctx.addIssue({ code: "custom", message: "A booking code is 6 to 8 letters and digits." });
      return z.NEVER;
    }
    return code;
  });

/**
 * Body of POST /api/check-ins/preview: exactly one of `token` (the contract's field),
 * `code` (the short booking code, looked up at `performance_id`) or `reservation_id` (a
 * name-search result). `performance_id`: the performance the door is admitting.
 * `source`: how a token arrived, `qr_scan` (camera, the default) or `link` (typed or
 * pasted); a URL is recorded as `link` whatever is sent.
 */
const checkInFields = {
  token: ticketToken.optional(),
  code: bookingCode.optional(),
  reservation_id: rowId.optional(),
  performance_id: rowId.optional(),
  source: z.enum(["qr_scan", "link"]).optional(),
};

type TargetFields = {
  token?: { token: string; isLink: boolean };
  code?: string;
  reservation_id?: number;
  performance_id?: number;
};

function exactlyOneTarget(body: TargetFields, ctx: z.RefinementCtx) {
  const given = [body.token, body.code, body.reservation_id].filter((v) => v !== undefined);
  if (given.length !== 1)
    ctx.addIssue({
      code: "custom",
      path: ["token"],
      message: "Send exactly one of token, code or reservation_id.",
    });
  // Codes and search results are staff-side look-ups: always at the door's performance.
  if (
    (body.code !== undefined || body.reservation_id !== undefined) &&
    body.performance_id === undefined
  )
    ctx.addIssue({
      code: "custom",
      path: ["performance_id"],
      message: "A booking code or reservation needs the performance the door admits.",
    });
}

export const checkInPreviewRequest = z.strictObject(checkInFields).superRefine(exactlyOneTarget);

/**
 * Body of POST /api/check-ins/confirm. `nonce`: a random id the page makes per scan and
 * sends again when it retries that same request, so a retry gets the first answer back.
 * `seats`: how many of the party come in now (default all still outside).
 * `override_window`: admit before the doors-open window, on purpose (audited).
 */
export const checkInConfirmRequest = z
  .strictObject({
    ...checkInFields,
    nonce: z
      .string()
      .regex(/^[A-Za-z0-9_-]{8,64}$/, "The nonce must be 8 to 64 letters, digits, '-' or '_'.")
      .optional(),
    seats: z.number().int().min(1).max(100).optional(),
    override_window: z.boolean().optional(),
  })
  .superRefine(exactlyOneTarget);

export type CheckInPreviewRequest = z.infer<typeof checkInPreviewRequest>;
export type CheckInConfirmRequest = z.infer<typeof checkInConfirmRequest>;

/** The use case's target and the true source of a parsed request. */
export function targetOfRequest(body: CheckInPreviewRequest): {
  target: CheckInTarget;
  source: CheckInSource;
} {
  if (body.token)
    return {
      target: { token: body.token.token },
      source: body.token.isLink || body.source === "link" ? "link" : "qr_scan",
    };
  if (body.code !== undefined)
    return { target: { code: body.code, performanceId: body.performance_id! }, source: "code" };
  return { target: { reservationId: body.reservation_id! }, source: "search" };
}

/** Query of GET /api/check-ins/search. */
export const doorSearchQuery = z.strictObject({
  performance_id: z
    .string()
    .regex(/^\d{1,10}$/)
    .transform(Number)
    .pipe(rowId),
  q: z.string().trim().min(2, "Type at least 2 characters.").max(100),
});

/** Body of POST /api/check-ins/undo. */
export const undoCheckInRequest = z.strictObject({ admission_id: rowId });
