import type { Db, PrismaClient } from "@/lib/db";
import type { Actor } from "@/lib/audit/audit-log";
import type { ReservationFilters } from "@/lib/admin/reservation-filters";
import type { Prisma } from "@/lib/generated/prisma/client";
import { parseBookingCode } from "@/lib/check-ins/booking-code";
import { confirmCheckIn } from "@/lib/check-ins/check-in";
import { cancelReservation } from "@/lib/reservations/cancel-reservation";
import type { WaitlistSettings } from "@/lib/waitlist/waitlist-settings";
import {
  effectiveStatus,
  effectiveStatusWhere,
  liveConfirmationTokenSelect,
} from "@/lib/reservations/effective-status";
import { zonedLocalToUtc } from "@/lib/time";

export const RESERVATIONS_PAGE_SIZE = 25;

/**
 * What the search box matches: name, email, booking code, show, and phone by its digits
 * ("0644556677" finds "06 4455 6677", and the other way round).
 */
async function searchWhere(db: Db, q: string): Promise<Prisma.ReservationWhereInput> {
  const digits = q.replace(/\D+/g, "");
  const code = parseBookingCode(q);
  const byPhone =
    digits.length >= 3 && /^[+()0-9 .-]+$/.test(q)
      ? await db.$queryRaw<{ id: number }[]>`
          SELECT id FROM reservations
          WHERE regexp_replace(phone, '[^0-9]', '', 'g') LIKE ${`%${digits}%`}
          ORDER BY id DESC LIMIT 1000`
      : [];
  return {
    OR: [
      { name: { contains: q, mode: "insensitive" } },
      { email: { contains: q, mode: "insensitive" } },
      { phone: { contains: q } },
      ...(byPhone.length > 0 ? [{ id: { in: byPhone.map((row) => row.id) } }] : []),
      // As printed on the ticket ("K7M-4QX") or typed without the dash.
      ...(code ? [{ bookingCode: { equals: code } }] : []),
      { performance: { show: { title: { contains: q, mode: "insensitive" } } } },
    ],
  };
}

/** Performances on one calendar day in `timeZone` ("YYYY-MM-DD"). */
function dayWhere(day: string, timeZone: string): Prisma.ReservationWhereInput {
  const start = zonedLocalToUtc(`${day}T00:00`, timeZone);
  if (!start) return { id: -1 };
  const next = new Date(`${day}T00:00:00Z`);
  next.setUTCDate(next.getUTCDate() + 1);
  const end = zonedLocalToUtc(`${next.toISOString().slice(0, 10)}T00:00`, timeZone) ?? start;
  return { performance: { startsAt: { gte: start, lt: end } } };
}

/**
 * One page of reservations, newest first. The status shown and filtered on is the
 * effective one: a pending reservation that can no longer be confirmed reads "expired".
 * The search box matches name, email, phone, booking code and show; `date` keeps the
 * performances of one day in `timeZone`.
 */
export async function listReservations(
  db: Db,
  filters: ReservationFilters,
  now = new Date(),
  timeZone = "Europe/Rome",
) {
  const where: Prisma.ReservationWhereInput = {
    AND: [
      filters.performance ? { performanceId: filters.performance } : {},
      filters.status ? effectiveStatusWhere(filters.status, now) : {},
      filters.q ? await searchWhere(db, filters.q) : {},
      filters.date ? dayWhere(filters.date, timeZone) : {},
    ],
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
        phone: true,
        bookingCode: true,
        channel: true,
        partySize: true,
        status: true,
        createdAt: true,
        performance: { select: { id: true, startsAt: true, show: { select: { title: true } } } },
        checkIn: { select: { checkedInAt: true } },
        tokens: liveConfirmationTokenSelect(now),
      },
    }),
    db.reservation.count({ where }),
  ]);
  return {
    rows: rows.map(({ tokens, ...row }) => ({
      ...row,
      status: effectiveStatus({ status: row.status, tokens }),
    })),
    total,
    page: filters.page,
    pageCount: Math.max(1, Math.ceil(total / RESERVATIONS_PAGE_SIZE)),
  };
}

/** One reservation with everything that happened to it, oldest first. */
export async function reservationDetail(db: Db, id: number, now = new Date()) {
  const found = await db.reservation.findUnique({
    where: { id },
    include: {
      tokens: liveConfirmationTokenSelect(now),
      performance: {
        include: { show: { select: { title: true } }, venue: { select: { name: true } } },
      },
      checkIn: { include: { checkedInBy: { select: { name: true, email: true } } } },
    },
  });
  if (!found) return null;
  const { tokens, ...stored } = found;
  const reservation = { ...stored, status: effectiveStatus({ status: stored.status, tokens }) };
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
  // A box-office booking is confirmed as it is made: its audit entry says so.
  if (reservation.confirmedAt && reservation.channel === "online")
    events.push({ at: reservation.confirmedAt, kind: "confirmed" });
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
  // A check-in by hand is shown once, as the check-in (with its source), not again as an audit entry.
  for (const entry of audit.filter((e) => e.action !== "reservation.check_in"))
    events.push({ at: entry.createdAt, kind: "admin", by: entry.actorEmail, detail: entry.action });
  events.sort((a, b) => a.at.getTime() - b.at.getTime());
  return { reservation, events };
}

/** Who acts on which reservation, and when. */
type AdminReservationAct = { db: PrismaClient; actor: Actor; reservationId: number; now?: Date };

/** An admin's cancellation: frees the seats and revokes the QR, at any time before the party came in. Audited in the same transaction. */
export function cancelAsAdmin({
  db,
  actor,
  reservationId,
  now = new Date(),
  waitlist,
}: AdminReservationAct & { waitlist?: WaitlistSettings }) {
  return cancelReservation({ db, reservationId, now, actor, waitlist });
}

/** Lets a confirmed party in without its QR (lost phone), within the same rules as the door; source `admin`. */
export function checkInAsAdmin({
  db,
  actor,
  reservationId,
  now = new Date(),
}: AdminReservationAct) {
  return confirmCheckIn({ db, target: { reservationId }, staff: actor, source: "admin", now });
}
