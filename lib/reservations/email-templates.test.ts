import { describe, expect, it } from "vitest";
import { cancellationMail, confirmationMail, ticketMail } from "@/lib/reservations/email-templates";
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
      show: { title: "Amleto", slug: "amleto" },
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
});
