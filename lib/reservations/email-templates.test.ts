import { describe, expect, it } from "vitest";
import {
  cancellationMail,
  confirmationMail,
  TICKET_QR_CONTENT_ID,
  ticketMail,
} from "@/lib/reservations/email-templates";
import { ticketCalendarFor } from "@/lib/reservations/ticket-calendar";
import type { ReservationDetails } from "@/lib/reservations/reservation-details";

// A visitor chooses the name the theatre greets in an email it sends to any address: it
// must stay one line of inert words, with no link a mail client could make of it.
const hostileName =
  "Mario\r\nYour account is locked: visit https://evil.example/login\u0000 or mail help@evil.example\u202E";

function reservation(name: string, locale = "it"): ReservationDetails {
  return {
    id: 1,
    status: "pending",
    bookingCode: "K7M4QX",
    name,
    email: "victim@example.org",
    partySize: 2,
    locale,
    performance: {
      id: 1,
      startsAt: new Date("2030-05-01T18:30:00Z"),
      show: { title: "Amleto", slug: "amleto", durationMinutes: 95 },
      venue: { name: "Sala AzioneLab", address: "Via Example 1", city: "Roma" },
    },
  };
}

describe("mail templates and visitor text", () => {
  const context = (locale: string) => ({
    reservation: reservation(hostileName, locale),
    timeZone: "Europe/Rome",
    appUrl: "https://teatro.example",
  });
  const mails = (locale: string) => [
    confirmationMail(
      context(locale),
      "https://teatro.example/confirm#token=x",
      new Date("2030-04-30T10:00:00Z"),
    ),
    ticketMail(context(locale), "https://teatro.example/ticket#token=y"),
    cancellationMail(context(locale)),
  ];

  it("greets on one line without control characters, and no URL, domain or address survives whole", () => {
    for (const locale of ["it", "en"])
      for (const mail of mails(locale)) {
        const greeting = mail.text.split("\n")[0];
        expect(greeting).toMatch(/^(Ciao|Hello) Mario Your account is locked/);
        expect(mail.text.split("\n\n")[0]).not.toContain("\n");
        expect(greeting).not.toMatch(/[\u0000-\u001F\u007F\u202E]/);
        for (const part of [mail.text, mail.html]) {
          expect(part).not.toContain("https://evil");
          expect(part).not.toContain("evil.example");
          expect(part).not.toContain("help@evil");
        }
        expect(mail.html).not.toMatch(/<a [^>]*evil/);
      }
  });

  it("still escapes HTML in the name", () => {
    const mail = ticketMail(
      {
        reservation: reservation("<b>Mary</b>", "en"),
        timeZone: "Europe/Rome",
        appUrl: "https://t.example",
      },
      "https://t.example/ticket#token=y",
    );
    expect(mail.html).toContain("Hello &lt;b&gt;Mary&lt;/b&gt;,");
  });

  it("the ticket email names its holder, gives the booking code, shows the QR inline and fits a phone", () => {
    for (const [locale, label] of [
      ["it", "A nome di"],
      ["en", "Name"],
    ] as const) {
      const mail = ticketMail(
        {
          reservation: reservation("Giulia Conti", locale),
          timeZone: "Europe/Rome",
          appUrl: "https://t.example",
        },
        "https://t.example/ticket#token=y",
      );
      expect(mail.text).toContain(`${label}: Giulia Conti`);
      expect(mail.text).toMatch(/K7M-?4QX/);
      expect(mail.html).toContain(`src="cid:${TICKET_QR_CONTENT_ID}"`);
      expect(mail.html).toContain(
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
      );
    }
    // Only the ticket says whose it is; the other emails keep to the greeting.
    expect(
      confirmationMail(context("it"), "https://t.example/confirm#token=x", new Date()).text,
    ).not.toContain("A nome di");
  });

  it("the calendar event ends when the show does: its running time, or two hours when not stated", () => {
    const stamp = (date: Date) =>
      date
        .toISOString()
        .replace(/[-:]/g, "")
        .replace(/\.\d{3}/, "");
    const booked = reservation("Anna");
    const start = booked.performance.startsAt;
    expect(ticketCalendarFor(booked, "https://t.example", "it")).toContain(
      `DTEND:${stamp(new Date(start.getTime() + 95 * 60_000))}`,
    );
    const unstated = {
      ...booked,
      performance: {
        ...booked.performance,
        show: { ...booked.performance.show, durationMinutes: null },
      },
    };
    expect(ticketCalendarFor(unstated, "https://t.example", "it")).toContain(
      `DTEND:${stamp(new Date(start.getTime() + 120 * 60_000))}`,
    );
  });
});
