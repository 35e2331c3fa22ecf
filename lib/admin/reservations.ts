import type { Db, PrismaClient } from "@/lib/db";
import { writeAudit, type Actor } from "@/lib/admin/audit-log";
import type { ReservationFilters } from "@/lib/admin/reservation-filters";
import type { Prisma } from "@/lib/generated/prisma/client";
import { checkInManually } from "@/lib/check-ins/check-in";
import { cancelReservation } from "@/lib/reservations/cancel-reservation";
import { expireReservations } from "@/lib/reservations/expire-reservations";

export const RESERVATIONS_PAGE_SIZE = 25;

/**
 * One page of reservations, newest first. Stale pending reservations are marked
 * expired first, so the table never shows as pending one that can no longer be confirmed.
 */
export async function listReservations(db: Db, filters: ReservationFilters, now = new Date()) {
  await expireReservations({ db, now });
  const where: Prisma.ReservationWhereInput = {
    ...(filters.performance ? { performanceId: filters.performance } : {}),
    ...(filters.status ? { status: filters.status } : {}),
    ...(filters.q
      ? {
          OR: [
            { name: { contains: filters.q, mode: "insensitive" } },
            { email: { contains: filters.q, mode: "insensitive" } },
          ],
        }
      : {}),
  };
  const [rows, total] = await Promise.all([
    db.reservation.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      skip: (filters.page - 1) * RESERVATIONS_PAGE_SIZE,
      take: RESERVATIONS_PAGE_SIZE,
      select: {
        id: true,
        name: true,
        email: true,
        partySize: true,
        status: true,
        createdAt: true,
        performance: { select: { id: true, startsAt: true, show: { select: { title: true } } } },
        checkIn: { select: { checkedInAt: true } },
      },
    }),
    db.reservation.count({ where }),
  ]);
  return {
    rows,
    total,
    page: filters.page,
    pageCount: Math.max(1, Math.ceil(total / RESERVATIONS_PAGE_SIZE)),
  };
}

/** One reservation with everything that happened to it, oldest first. */
export async function reservationDetail(db: Db, id: number, now = new Date()) {
  await expireReservations({ db, now });
  const reservation = await db.reservation.findUnique({
    where: { id },
    include: {
      performance: {
        include: { show: { select: { title: true } }, venue: { select: { name: true } } },
      },
      checkIn: { include: { checkedInBy: { select: { name: true, email: true } } } },
    },
  });
  if (!reservation) return null;
  const audit = await db.auditEntry.findMany({
    where: { entityType: "reservation", entityId: id },
    orderBy: { createdAt: "asc" },
  });

  type Event = {
    at: Date;
    kind: "created" | "confirmed" | "checked_in" | "cancelled" | "expired" | "admin";
    by?: string;
    detail?: string;
  };
  const events: Event[] = [{ at: reservation.createdAt, kind: "created" }];
  if (reservation.confirmedAt) events.push({ at: reservation.confirmedAt, kind: "confirmed" });
  if (reservation.checkIn) {
    const by = reservation.checkIn.checkedInBy;
    events.push({
      at: reservation.checkIn.checkedInAt,
      kind: "checked_in",
      by: by.name || by.email,
      detail: reservation.checkIn.source,
    });
  }
  if (reservation.cancelledAt) events.push({ at: reservation.cancelledAt, kind: "cancelled" });
  if (reservation.status === "expired") events.push({ at: reservation.updatedAt, kind: "expired" });
  for (const entry of audit)
    events.push({ at: entry.createdAt, kind: "admin", by: entry.actorEmail, detail: entry.action });
  events.sort((a, b) => a.at.getTime() - b.at.getTime());
  return { reservation, events };
}

/** An admin's cancellation: frees the seats and revokes the QR, at any time before the party came in. */
export async function cancelAsAdmin({
  db,
  actor,
  reservationId,
  now = new Date(),
}: {
  db: PrismaClient;
  actor: Actor;
  reservationId: number;
  now?: Date;
}) {
  const result = await cancelReservation({ db, reservationId, now });
  if (result.ok)
    await writeAudit(db, actor, {
      action: "reservation.cancel",
      entityType: "reservation",
      entityId: reservationId,
    });
  return result;
}

/** Lets a confirmed party in without its QR (lost phone); recorded with source `manual`. */
export async function checkInAsAdmin({
  db,
  actor,
  reservationId,
  now = new Date(),
}: {
  db: PrismaClient;
  actor: Actor;
  reservationId: number;
  now?: Date;
}) {
  const result = await checkInManually({ db, reservationId, staffUserId: actor.id, now });
  if (result.ok)
    await writeAudit(db, actor, {
      action: "reservation.check_in",
      entityType: "reservation",
      entityId: reservationId,
    });
  return result;
}

/** Records that an admin sent the confirmation or ticket email again. */
export async function recordResend(db: Db, actor: Actor, reservationId: number) {
  await writeAudit(db, actor, {
    action: "reservation.resend_email",
    entityType: "reservation",
    entityId: reservationId,
  });
}
