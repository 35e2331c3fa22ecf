import type { Prisma } from "@/lib/generated/prisma/client";
import type { ReservationStatus } from "@/lib/generated/prisma/enums";

/**
 * A pending reservation whose confirmation links are all used, replaced or past their
 * deadline can never be confirmed: it is expired, whether or not the scheduled sweep
 * (`expireReservations`) has stored that yet. Reads derive it from here, so no page
 * render has to write, and every reader agrees. The token deadline already follows the
 * performance (see `token_expires_at` in the migrations).
 */
export function liveConfirmationTokenWhere(now: Date): Prisma.ReservationTokenWhereInput {
  return { purpose: "confirmation", usedAt: null, revokedAt: null, expiresAt: { gt: now } };
}

/** Rows whose effective status is `status` at `now`. */
export function effectiveStatusWhere(
  status: ReservationStatus,
  now: Date,
): Prisma.ReservationWhereInput {
  const live = liveConfirmationTokenWhere(now);
  switch (status) {
    case "pending":
      return { status: "pending", tokens: { some: live } };
    case "expired":
      return {
        OR: [{ status: "expired" }, { status: "pending", tokens: { none: live } }],
      };
    default:
      return { status };
  }
}

/** Select this with a reservation to feed `effectiveStatus`. */
export function liveConfirmationTokenSelect(now: Date) {
  return {
    where: liveConfirmationTokenWhere(now),
    select: { id: true },
    take: 1,
  } as const;
}

export function effectiveStatus(reservation: {
  status: ReservationStatus;
  tokens: readonly unknown[];
}): ReservationStatus {
  return reservation.status === "pending" && reservation.tokens.length === 0
    ? "expired"
    : reservation.status;
}
