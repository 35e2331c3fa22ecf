import { randomBytes } from "node:crypto";
import { db } from "@/lib/db";
import { createReservation } from "@/lib/reservations/create-reservation";
import { confirmReservation } from "@/lib/reservations/confirm-reservation";
import { addDays } from "@/lib/time";

const unique = () => randomBytes(4).toString("hex");

export async function createPerformance(
  overrides: Partial<{
    roomCapacity: number;
    additionalSeats: number;
    manuallyOccupiedSeats: number;
    isBookingEnabled: boolean;
    startsAt: Date;
    published: boolean;
  }> = {},
) {
  const suffix = unique();
  const show = await db.show.create({
    data: {
      title: `Open Stage ${suffix}`,
      slug: `open-stage-${suffix}`,
      isPublished: overrides.published ?? true,
    },
  });
  const venue = await db.venue.create({
    data: {
      name: `AzioneLab Theatre ${suffix}`,
      slug: `azionelab-${suffix}`,
      address: "Via Example 1",
      city: "Rome",
    },
  });
  return db.performance.create({
    data: {
      showId: show.id,
      venueId: venue.id,
      startsAt: overrides.startsAt ?? addDays(new Date(), 7),
      roomCapacity: overrides.roomCapacity ?? 10,
      additionalSeats: overrides.additionalSeats ?? 0,
      manuallyOccupiedSeats: overrides.manuallyOccupiedSeats ?? 0,
      isBookingEnabled: overrides.isBookingEnabled ?? true,
    },
  });
}

export async function createStaffUser(role: "STAFF" | "ADMIN" = "STAFF") {
  // A placeholder hash: these users never sign in through the password flow.
  return db.user.create({
    data: {
      email: `staff-${unique()}@example.org`,
      name: "Door Volunteer",
      passwordHash: "not-a-real-hash",
      role,
    },
  });
}

/** The settings the tests run with (the defaults of PRODUCT.md §3). */
export const TEST_SETTINGS = { confirmationTtlHours: 24, checkInWindowHours: 6 };

/**
 * A pending reservation and its raw confirmation token. Each gets its own address
 * (one email holds one confirmed reservation per performance) unless `email` is given.
 */
export async function bookPending(
  performanceId: number,
  partySize = 2,
  now = new Date(),
  email = `maria.rossi+${unique()}@example.org`,
) {
  const result = await createReservation({
    db,
    performanceId,
    input: {
      name: "Maria Rossi",
      email,
      phone: "+39 06 0000000",
      party_size: partySize,
      notes: "Arriving early",
    },
    locale: "it",
    now,
    settings: TEST_SETTINGS,
  });
  if (!result.ok) throw new Error(`booking failed: ${result.reason}`);
  if ("repeated" in result) throw new Error("booking was taken for a double submit");
  return result;
}

/** A confirmed reservation and the raw check-in token of its ticket. */
export async function bookConfirmed(performanceId: number, partySize = 2, email?: string) {
  const booked = await bookPending(performanceId, partySize, undefined, email);
  const confirmed = await confirmReservation({
    db,
    token: booked.confirmationToken,
    settings: TEST_SETTINGS,
  });
  if (!confirmed.ok) throw new Error(`confirmation failed: ${confirmed.reason}`);
  return { ...booked, checkInToken: confirmed.checkInToken };
}
