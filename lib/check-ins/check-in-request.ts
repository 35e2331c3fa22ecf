import { z } from "zod";
import { extractToken } from "@/lib/tokens";
import { rowId } from "@/lib/validation/text";

/** What staff scanned or typed: the bare token or the whole ticket URL; parsed to the bare token. */
const ticketToken = z
  .string({ error: "Send the ticket token or the ticket URL." })
  .max(2048, "The ticket code is too long.")
  .transform((value, ctx) => {
    const token = extractToken(value);
    if (!token) {
      ctx.addIssue({ code: "custom", message: "This is not a ticket token or ticket URL." });
      return z.NEVER;
    }
    return token;
  });

/** Body of POST /api/check-ins/preview. `performance_id`: the performance the door is admitting. */
export const checkInPreviewRequest = z.strictObject({
  token: ticketToken,
  performance_id: rowId.optional(),
});

/**
 * Body of POST /api/check-ins/confirm. `nonce`: a random id the page makes per scan and
 * sends again when it retries that same request, so a retry gets the first answer back.
 */
export const checkInConfirmRequest = checkInPreviewRequest.extend({
  nonce: z
    .string()
    .regex(/^[A-Za-z0-9_-]{8,64}$/, "The nonce must be 8 to 64 letters, digits, '-' or '_'.")
    .optional(),
});

export type CheckInConfirmRequest = z.infer<typeof checkInConfirmRequest>;
