/**
 * One JSON log line for a failed send. Only the reservation id and the error's name:
 * a message could quote the address or a link with its token (PRODUCT.md §6).
 */
export function logMailFailure(kind: string, reservationId: number, error: unknown): void {
  console.error(
    JSON.stringify({
      level: "error",
      msg: "email not sent",
      kind,
      reservation_id: reservationId,
      error: error instanceof Error ? error.name : "unknown",
      // A reason code (lib/mail/transport.ts), never a provider's message.
      ...(error instanceof Error && "code" in error && typeof error.code === "string"
        ? { code: error.code }
        : {}),
      time: new Date().toISOString(),
    }),
  );
}
