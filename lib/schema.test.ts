// The Prisma schema and the hand-written migration agree: every field of every model
// can be written and read back through the client against the migrated database.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";

const at = (iso: string) => new Date(iso);

describe("schema and migrated database agree", () => {
  it("round-trips every field of every model", async () => {
    const show = {
      title: "Le Serve",
      slug: "le-serve",
      summary: "Genet.",
      description: "**Due sorelle.**",
      summaryEn: "Genet, in Italian.",
      descriptionEn: "**Two sisters.**",
      posterImage: "https://example.org/le-serve.jpg",
      isPublished: true,
      createdAt: at("2026-01-01T10:00:00.123Z"),
      updatedAt: at("2026-01-02T10:00:00.456Z"),
    };
    const venue = {
      name: "Sala Uno",
      slug: "sala-uno",
      address: "Via Roma 1",
      city: "Roma",
      notes: "Accesso disabili",
      createdAt: at("2026-01-01T10:00:00Z"),
      updatedAt: at("2026-01-01T10:00:00Z"),
    };
    const createdShow = await db.show.create({ data: show });
    const createdVenue = await db.venue.create({ data: venue });
    expect(await db.show.findUniqueOrThrow({ where: { id: createdShow.id } })).toMatchObject(show);
    expect(await db.venue.findUniqueOrThrow({ where: { id: createdVenue.id } })).toMatchObject(
      venue,
    );

    const performance = {
      showId: createdShow.id,
      venueId: createdVenue.id,
      startsAt: at("2026-12-12T20:00:00Z"),
      roomCapacity: 80,
      manuallyOccupiedSeats: 4,
      additionalSeats: 6,
      isBookingEnabled: false,
      createdAt: at("2026-01-01T10:00:00Z"),
      updatedAt: at("2026-01-01T10:00:00Z"),
    };
    const createdPerformance = await db.performance.create({ data: performance });
    expect(
      await db.performance.findUniqueOrThrow({ where: { id: createdPerformance.id } }),
    ).toMatchObject(performance);

    const user = {
      email: "door@example.org",
      name: "Giulia",
      passwordHash: "$argon2id$...",
      role: "STAFF" as const,
      isActive: false,
      createdAt: at("2026-01-01T10:00:00Z"),
      updatedAt: at("2026-01-01T10:00:00Z"),
    };
    const createdUser = await db.user.create({ data: user });
    expect(await db.user.findUniqueOrThrow({ where: { id: createdUser.id } })).toMatchObject(user);

    const reservation = {
      performanceId: createdPerformance.id,
      status: "confirmed" as const,
      name: "Anna Verdi",
      email: "anna@example.org",
      phone: "+39 333 1234567",
      partySize: 3,
      notes: "Sedia a rotelle",
      locale: "en",
      confirmedAt: at("2026-11-01T10:00:00Z"),
      cancelledAt: at("2026-11-02T10:00:00Z"),
      qrCodeGeneratedAt: at("2026-11-01T10:00:00Z"),
      anonymizedAt: at("2026-11-03T10:00:00Z"),
      createdAt: at("2026-10-31T10:00:00Z"),
      updatedAt: at("2026-11-01T10:00:00Z"),
    };
    const createdReservation = await db.reservation.create({ data: reservation });
    expect(
      await db.reservation.findUniqueOrThrow({ where: { id: createdReservation.id } }),
    ).toMatchObject(reservation);

    const token = {
      reservationId: createdReservation.id,
      purpose: "check_in" as const,
      tokenHash: "a".repeat(64),
      expiresAt: at("2026-12-13T02:00:00Z"),
      usedAt: at("2026-12-12T19:30:00Z"),
      revokedAt: at("2026-12-12T19:40:00Z"),
      createdAt: at("2026-11-01T10:00:00Z"),
    };
    const createdToken = await db.reservationToken.create({ data: token });
    expect(
      await db.reservationToken.findUniqueOrThrow({ where: { id: createdToken.id } }),
    ).toMatchObject(token);

    const checkIn = {
      reservationId: createdReservation.id,
      checkedInAt: at("2026-12-12T19:30:00Z"),
      checkedInById: createdUser.id,
      source: "manual" as const,
      nonce: "0b6f7f2e-door",
      seats: 2,
      createdAt: at("2026-12-12T19:30:00Z"),
      updatedAt: at("2026-12-12T19:30:00Z"),
    };
    const createdCheckIn = await db.checkIn.create({ data: checkIn });
    expect(await db.checkIn.findUniqueOrThrow({ where: { id: createdCheckIn.id } })).toMatchObject(
      checkIn,
    );

    const page = {
      slug: "chi-siamo",
      title: "Chi siamo",
      body: "# AzioneLab",
      titleEn: "About us",
      bodyEn: "# AzioneLab (EN)",
      isPublished: true,
      createdAt: at("2026-01-01T10:00:00Z"),
      updatedAt: at("2026-01-01T10:00:00Z"),
    };
    const createdPage = await db.page.create({ data: page });
    expect(await db.page.findUniqueOrThrow({ where: { id: createdPage.id } })).toMatchObject(page);
  });

  it("protects what reservations and performances depend on", async () => {
    const show = await db.show.create({ data: { title: "X", slug: "x-protect" } });
    const venue = await db.venue.create({
      data: { name: "V", slug: "v-protect", address: "A", city: "Roma" },
    });
    const performance = await db.performance.create({
      data: { showId: show.id, venueId: venue.id, startsAt: new Date(), roomCapacity: 5 },
    });
    await db.reservation.create({
      data: { performanceId: performance.id, name: "N", email: "n@example.org", partySize: 1 },
    });

    await expect(db.show.delete({ where: { id: show.id } })).rejects.toThrow();
    await expect(db.venue.delete({ where: { id: venue.id } })).rejects.toThrow();
    await expect(db.performance.delete({ where: { id: performance.id } })).rejects.toThrow();
    await expect(
      db.reservation.create({
        data: { performanceId: performance.id, name: "N", email: "n@example.org", partySize: 0 },
      }),
    ).rejects.toThrow(/party_size_positive/);
  });
});
