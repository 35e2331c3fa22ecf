import type { PrismaClient } from "@/lib/db";
import { hashPassword } from "@/lib/passwords";
import { issueToken } from "@/lib/reservations/reservation-tokens";
import type { TokenSettings } from "@/lib/reservations/token-settings";
import { seedDemoPoster, type DemoPoster } from "@/lib/seed/demo-posters";
import { addDays, utcToZonedLocal, zonedLocalToUtc } from "@/lib/time";

export const DEMO_USERS = [
  {
    email: "admin@azionelab.example",
    password: "Sipario-Rosso-2026",
    role: "ADMIN",
    name: "Chiara (admin)",
  },
  {
    email: "staff@azionelab.example",
    password: "Biglietti-Porta-2026",
    role: "STAFF",
    name: "Marco (staff)",
  },
] as const;

const PAGES = [
  {
    slug: "home",
    title: "AzioneLab",
    body: `AzioneLab è una compagnia teatrale indipendente di Roma. Dal 2012 portiamo in scena testi contemporanei e classici riletti, in sale piccole dove il pubblico è a un passo dagli attori.

Prenota il tuo posto per i prossimi spettacoli: la prenotazione è gratuita e si conferma via email.`,
    titleEn: "AzioneLab",
    bodyEn: `AzioneLab is an independent theatre company in Rome. Since 2012 we have staged contemporary plays and fresh readings of the classics, in small rooms where the audience sits a step away from the actors.

Book your seat for the coming shows: booking is free and you confirm it by email. Performances are in Italian.`,
  },
  {
    slug: "contatti",
    title: "Contatti",
    body: `**AzioneLab APS**  
Via dei Volsci 22, 00185 Roma  
Email: info@azionelab.example  
Telefono: +39 06 0000 0000

La biglietteria apre un'ora prima di ogni spettacolo.`,
    titleEn: "Contact",
    bodyEn: `**AzioneLab APS**  
Via dei Volsci 22, 00185 Rome, Italy  
Email: info@azionelab.example  
Phone: +39 06 0000 0000

The box office opens one hour before each show.`,
  },
  {
    slug: "privacy",
    title: "Privacy",
    body: `Usiamo nome, email, telefono (facoltativo) e note solo per gestire la tua prenotazione. I codici QR non contengono dati personali. Cancelliamo i dati personali delle prenotazioni ${"90"} giorni dopo lo spettacolo, conservando solo i conteggi.

Per qualsiasi richiesta scrivi a privacy@azionelab.example.`,
    titleEn: "Privacy",
    bodyEn: `We use your name, email, phone (optional) and notes only to handle your booking. QR codes contain no personal data. We delete the personal data of bookings ${"90"} days after the show and keep only the counts.

For any request write to privacy@azionelab.example.`,
  },
];

const SHOWS = [
  {
    slug: "le-serve",
    title: "Le serve",
    summary: "Jean Genet, in una cucina romana degli anni Settanta.",
    description:
      "Due sorelle, una padrona assente, un gioco che diventa rito.\n\n**Durata:** 90 minuti senza intervallo.",
    durationMinutes: 90,
    summaryEn: "Jean Genet, in a Roman kitchen of the 1970s.",
    descriptionEn:
      "Two sisters, an absent mistress, a game that becomes a ritual.\n\n**Running time:** 90 minutes, no interval. In Italian.",
    isPublished: true,
  },
  {
    slug: "il-giardino-dei-ciliegi",
    title: "Il giardino dei ciliegi",
    summary: "Čechov per sei attori e un pianoforte.",
    description:
      "Una famiglia perde la sua casa e non se ne accorge.\n\n**Durata:** 2 ore con intervallo.",
    durationMinutes: 120,
    summaryEn: "Chekhov for six actors and a piano.",
    descriptionEn:
      "A family loses its home and does not notice.\n\n**Running time:** 2 hours with an interval. In Italian.",
    isPublished: true,
  },
  {
    slug: "voci-dal-quartiere",
    title: "Voci dal quartiere",
    summary: "Storie raccolte a San Lorenzo, lette dagli abitanti.",
    description: "Un laboratorio aperto che diventa spettacolo. Adatto a tutti.",
    summaryEn: "Stories gathered in San Lorenzo, read by the people who live there.",
    descriptionEn: "An open workshop that becomes a show. Suitable for everyone. In Italian.",
    isPublished: true,
  },
  {
    slug: "prove-aperte",
    title: "Prove aperte (in preparazione)",
    summary: "Non ancora pubblicato.",
    description: "Bozza.",
    summaryEn: "Not published yet.",
    descriptionEn: "Draft.",
    isPublished: false,
  },
];

/** Demo posters (lib/seed/demo-posters.ts); "voci-dal-quartiere" has none, to show both kinds. */
const POSTERS: Record<string, DemoPoster> = {
  "le-serve": {
    lines: ["Le", "serve"],
    kicker: "Jean Genet",
    foot: "SALA AZIONELAB · ROMA",
    background: "#1c1917",
    ink: "#faf7f2",
    accent: "#8b1e2d",
    alt: "Locandina tipografica: «Le serve» in grandi lettere chiare su fondo nero, un disco rosso in alto.",
    altEn: "Typographic poster: “Le serve” in large light letters on black, a red disc at the top.",
  },
  "il-giardino-dei-ciliegi": {
    lines: ["Il giardino", "dei ciliegi"],
    kicker: "Anton Čechov",
    foot: "TEATRO DI QUARTIERE · ROMA",
    background: "#f5e6e8",
    ink: "#1c1917",
    accent: "#e8a0ab",
    alt: "Locandina tipografica: «Il giardino dei ciliegi» in lettere scure su rosa chiaro, un grande disco rosa.",
    altEn:
      "Typographic poster: “Il giardino dei ciliegi” in dark letters on pale pink, a large pink disc.",
  },
};

const VENUES = [
  {
    slug: "sala-azionelab",
    name: "Sala AzioneLab",
    address: "Via dei Volsci 22",
    city: "Roma",
    notes: "Chiavi della sala dal portiere; quadro luci a sinistra del palco.",
    publicNotes:
      "Ingresso al piano strada, accessibile in sedia a rotelle; bagno accessibile.\nMetro B Castro Pretorio (10 minuti a piedi), tram 3 e 19 fermata Reti.",
    publicNotesEn:
      "Street-level entrance, wheelchair accessible; accessible toilet.\nMetro B Castro Pretorio (10 minutes' walk), trams 3 and 19 to Reti.",
    defaultCapacity: 60,
  },
  {
    slug: "teatro-di-quartiere",
    name: "Teatro di Quartiere",
    address: "Piazza dell'Immacolata 5",
    city: "Roma",
    notes: "",
    publicNotes:
      "Sala al primo piano, senza ascensore: per un aiuto scrivi nelle note della prenotazione.\nBus 71 e 492, fermata Tiburtina/Scalo San Lorenzo.",
    publicNotesEn:
      "First-floor room, no lift: tell us in the booking notes if you need help.\nBuses 71 and 492 to Tiburtina/Scalo San Lorenzo.",
    defaultCapacity: 120,
  },
];

/** Upcoming performances, `days` from the seed day at `time` Rome time. */
const PERFORMANCES = [
  {
    show: "le-serve",
    venue: "sala-azionelab",
    days: 3,
    time: "21:00",
    roomCapacity: 60,
    additionalSeats: 0,
    manuallyOccupiedSeats: 4,
    confirmed: 20,
  },
  {
    show: "le-serve",
    venue: "sala-azionelab",
    days: 4,
    time: "18:00",
    roomCapacity: 40,
    additionalSeats: 2,
    manuallyOccupiedSeats: 2,
    confirmed: 37,
  }, // nearly full
  {
    show: "il-giardino-dei-ciliegi",
    venue: "teatro-di-quartiere",
    days: 10,
    time: "20:30",
    roomCapacity: 120,
    additionalSeats: 10,
    manuallyOccupiedSeats: 0,
    confirmed: 8,
  },
  {
    show: "il-giardino-dei-ciliegi",
    venue: "teatro-di-quartiere",
    days: 11,
    time: "20:30",
    roomCapacity: 120,
    additionalSeats: 0,
    manuallyOccupiedSeats: 0,
    confirmed: 0,
    bookingDisabled: true,
  },
  {
    show: "voci-dal-quartiere",
    venue: "sala-azionelab",
    days: 17,
    time: "17:00",
    roomCapacity: 30,
    additionalSeats: 0,
    manuallyOccupiedSeats: 0,
    confirmed: 0,
  },
];

const AUDIENCE = [
  "Giulia Conti",
  "Paolo Ferri",
  "Sara Greco",
  "Luca Marino",
  "Elena Romano",
  "Davide Ricci",
  "Anna Gallo",
  "Marco Costa",
];

/**
 * The demo season. Safe to run twice: pages, shows, venues and users are upserted by
 * slug/email, and a show's performances are created only when it has none. Pages and
 * shows seeded before the English texts existed get them, but only where still empty.
 */
export async function seedDemo(
  db: PrismaClient,
  {
    timeZone,
    now = new Date(),
    tokenSettings = { confirmationTtlHours: 24, checkInWindowHours: 6 },
  }: { timeZone: string; now?: Date; tokenSettings?: TokenSettings },
) {
  for (const page of PAGES) {
    await db.page.upsert({
      where: { slug: page.slug },
      // Contact and privacy are linked from the footer (an admin can change that).
      create: { ...page, isPublished: true, inFooter: page.slug !== "home" },
      update: {},
    });
    await db.page.updateMany({
      where: { slug: page.slug, titleEn: "" },
      data: { titleEn: page.titleEn },
    });
    await db.page.updateMany({
      where: { slug: page.slug, bodyEn: "" },
      data: { bodyEn: page.bodyEn },
    });
  }
  const shows = new Map<string, number>();
  for (const show of SHOWS) {
    const saved = await db.show.upsert({ where: { slug: show.slug }, create: show, update: {} });
    await db.show.updateMany({
      where: { id: saved.id, summaryEn: "" },
      data: { summaryEn: show.summaryEn },
    });
    await db.show.updateMany({
      where: { id: saved.id, descriptionEn: "" },
      data: { descriptionEn: show.descriptionEn },
    });
    shows.set(show.slug, saved.id);
    const poster = POSTERS[show.slug];
    if (poster) await seedDemoPoster(db, saved.id, poster);
  }
  const venues = new Map<string, number>();
  for (const venue of VENUES) {
    const saved = await db.venue.upsert({ where: { slug: venue.slug }, create: venue, update: {} });
    await db.venue.updateMany({
      where: { id: saved.id, publicNotes: "" },
      data: { publicNotes: venue.publicNotes, publicNotesEn: venue.publicNotesEn },
    });
    venues.set(venue.slug, saved.id);
  }
  for (const user of DEMO_USERS) {
    await db.user.upsert({
      where: { email: user.email },
      create: {
        email: user.email,
        name: user.name,
        role: user.role,
        passwordHash: await hashPassword(user.password),
      },
      // Re-running restores the printed demo password and reactivates the account.
      // A new password hash revokes the account's existing sessions.
      update: {
        passwordHash: await hashPassword(user.password),
        isActive: true,
        role: user.role,
        sessionVersion: { increment: 1 },
      },
    });
  }

  const today = utcToZonedLocal(now, timeZone).slice(0, 10);
  const alreadyScheduled = new Set(
    (
      await db.performance.findMany({
        where: { startsAt: { gte: now } },
        select: { showId: true },
        distinct: ["showId"],
      })
    ).map((p) => p.showId),
  );
  for (const plan of PERFORMANCES) {
    const showId = shows.get(plan.show)!;
    if (alreadyScheduled.has(showId)) continue;
    const day = utcToZonedLocal(
      addDays(zonedLocalToUtc(`${today}T12:00`, timeZone)!, plan.days),
      timeZone,
    ).slice(0, 10);
    const performance = await db.performance.create({
      data: {
        showId,
        venueId: venues.get(plan.venue)!,
        startsAt: zonedLocalToUtc(`${day}T${plan.time}`, timeZone)!,
        roomCapacity: plan.roomCapacity,
        additionalSeats: plan.additionalSeats,
        manuallyOccupiedSeats: plan.manuallyOccupiedSeats,
        isBookingEnabled: !plan.bookingDisabled,
      },
    });
    // Confirmed parties of 1–3 until the planned number of seats is taken.
    let seats = plan.confirmed;
    for (let i = 0; seats > 0; i += 1) {
      const partySize = Math.min(seats, (i % 3) + 1);
      const name = AUDIENCE[i % AUDIENCE.length];
      const reservation = await db.reservation.create({
        data: {
          performanceId: performance.id,
          status: "confirmed",
          confirmedAt: now,
          name,
          email: `${name.toLowerCase().replace(" ", ".")}.${i}@example.org`,
          partySize,
        },
      });
      // A ticket, as a confirmation issues one: without it the door (code, name, by hand)
      // answers "window closed" for every demo party. Its raw token is never shown.
      await issueToken({
        db,
        reservationId: reservation.id,
        purpose: "check_in",
        settings: tokenSettings,
        now,
      });
      seats -= partySize;
    }
  }
}
