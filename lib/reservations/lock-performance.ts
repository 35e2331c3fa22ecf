import type { Prisma } from "@/lib/generated/prisma/client";

/** A performance's seats as read after its row was locked. */
export type LockedPerformance = {
  performanceId: number;
  startsAt: Date;
  /** Seats that can still be confirmed (`performance_availability.available_seats`). */
  availableSeats: number;
  capacity: number;
  confirmedSeats: number;
  /** Cancelled by the theatre (issue 18): nobody is booked or moved into it. */
  cancelled: boolean;
};

/**
 * Locks a performance's row (`FOR UPDATE`) for the rest of the transaction, and nothing
 * more: for a change that reads the seats its own way (the waiting list's offers, a
 * cancellation, the theatre cancelling the performance). False when there is no such
 * performance.
 *
 * `lock: false` exists only for the control runs of the concurrency tests, which show
 * that without it seats are offered twice.
 */
export async function lockPerformanceRow(
  tx: Prisma.TransactionClient,
  performanceId: number,
  { lock = true }: { lock?: boolean } = {},
): Promise<boolean> {
  const locked = lock
    ? await tx.$queryRaw<{ id: number }[]>`
        SELECT id FROM performances WHERE id = ${performanceId} FOR UPDATE`
    : await tx.$queryRaw<{ id: number }[]>`SELECT id FROM performances WHERE id = ${performanceId}`;
  return locked.length > 0;
}

/**
 * Locks a performance's row (`FOR UPDATE`) for the rest of the transaction, then reads
 * its seats from `performance_availability`, the one definition of what is left.
 *
 * This is the lock that serialises every change that takes seats: a visitor's
 * confirmation takes the same row lock (`FOR UPDATE OF p` in confirm-reservation.ts),
 * and so do an admin booking, a bigger party and a move. The seats are read by a
 * second statement, whose snapshot is taken after the lock is held, so every seat
 * confirmed before ours is counted (read in the locking statement, they would come
 * from a snapshot taken before the wait, and overbook). Null when there is no such
 * performance.
 *
 * `lock: false` exists only for the control run of the concurrency test, which shows
 * that without the lock admin bookings overbook.
 */
export async function lockPerformance(
  tx: Prisma.TransactionClient,
  performanceId: number,
  { lock = true }: { lock?: boolean } = {},
): Promise<LockedPerformance | null> {
  return (await lockPerformanceRow(tx, performanceId, { lock }))
    ? await lockedSeats(tx, performanceId)
    : null;
}

/** The seats of a performance whose row this transaction holds locked. */
async function lockedSeats(
  tx: Prisma.TransactionClient,
  performanceId: number,
): Promise<LockedPerformance> {
  const [row] = await tx.$queryRaw<
    {
      starts_at: Date;
      available_seats: number;
      capacity: number;
      confirmed_seats: number;
      cancelled: boolean;
    }[]
  >`
    SELECT p.starts_at, a.available_seats, a.capacity, a.confirmed_seats,
           p.cancelled_at IS NOT NULL AS cancelled
    FROM performances p JOIN performance_availability a ON a.performance_id = p.id
    WHERE p.id = ${performanceId}`;
  return {
    performanceId,
    startsAt: row.starts_at,
    availableSeats: row.available_seats,
    capacity: row.capacity,
    confirmedSeats: row.confirmed_seats,
    cancelled: row.cancelled,
  };
}

/**
 * A reservation moved to another performance (box office) after the caller read where it
 * was and before the caller held that performance's lock. The transaction must start
 * again rather than go on to lock the new performance: it holds the old one and the
 * reservation, and a confirmation on the new one (new performance, then reservation)
 * would wait for it while it waits for them, and PostgreSQL would abort one of the two.
 */
export class ReservationMoved extends Error {
  constructor(reservationId: number) {
    super(`reservation ${reservationId} moved to another performance while it was being locked`);
  }
}

/**
 * Runs `transaction` again (rolled back, every lock released) when it threw
 * ReservationMoved; a move cannot happen again while the new performance is locked, so a
 * second attempt normally succeeds.
 */
export async function retryWhenMoved<T>(transaction: () => Promise<T>, attempts = 5): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await transaction();
    } catch (error) {
      if (!(error instanceof ReservationMoved) || attempt >= attempts) throw error;
    }
  }
}

/**
 * Locks the performance a reservation belongs to, then the reservation (the order of
 * a visitor's confirmation: performance, then reservation), and returns the
 * performance's id. Throws ReservationMoved when the reservation moved meanwhile: run the
 * transaction with retryWhenMoved. Null when there is no such reservation.
 */
export async function lockReservationAndPerformanceRow(
  tx: Prisma.TransactionClient,
  reservationId: number,
  { lock = true }: { lock?: boolean } = {},
): Promise<number | null> {
  const [before] = await tx.$queryRaw<{ performance_id: number }[]>`
    SELECT performance_id FROM reservations WHERE id = ${reservationId}`;
  if (!before) return null;
  const found = await lockPerformanceRow(tx, before.performance_id, { lock });
  // Waiting for the reservation while holding the performance cannot deadlock: whoever
  // holds the reservation's lock took its current performance's first, and a move out of
  // the performance we hold must wait for us.
  const [after] = lock
    ? await tx.$queryRaw<{ performance_id: number }[]>`
        SELECT performance_id FROM reservations WHERE id = ${reservationId} FOR UPDATE`
    : await tx.$queryRaw<{ performance_id: number }[]>`
        SELECT performance_id FROM reservations WHERE id = ${reservationId}`;
  if (!after) return null;
  if (after.performance_id !== before.performance_id || !found)
    throw new ReservationMoved(reservationId);
  return after.performance_id;
}

/** lockReservationAndPerformanceRow, and the performance's seats as locked. */
export async function lockReservationAndPerformance(
  tx: Prisma.TransactionClient,
  reservationId: number,
  options: { lock?: boolean } = {},
): Promise<LockedPerformance | null> {
  const performanceId = await lockReservationAndPerformanceRow(tx, reservationId, options);
  return performanceId === null ? null : lockedSeats(tx, performanceId);
}

/**
 * Whether `email` already holds a confirmed reservation for the performance (other
 * than `exceptReservationId`): one address holds at most one, as in a visitor's
 * confirmation (`already_booked`). An empty address (a walk-in) holds none.
 */
export async function emailHoldsConfirmed(
  tx: Prisma.TransactionClient,
  {
    performanceId,
    email,
    exceptReservationId = 0,
  }: { performanceId: number; email: string; exceptReservationId?: number },
): Promise<boolean> {
  if (email.trim() === "") return false;
  const rows = await tx.$queryRaw<{ id: number }[]>`
    SELECT id FROM reservations
    WHERE performance_id = ${performanceId} AND id <> ${exceptReservationId}
      AND status = 'confirmed' AND email <> '' AND lower(email) = lower(${email})
    LIMIT 1`;
  return rows.length > 0;
}

/** Whether the performance's check-in window has closed: nothing can be booked or moved into it. */
export function performanceIsOver(
  performance: Pick<LockedPerformance, "startsAt">,
  checkInWindowHours: number,
  now: Date,
): boolean {
  return now.getTime() >= performance.startsAt.getTime() + checkInWindowHours * 3_600_000;
}
