import { describe, expect, it } from "vitest";
import { isoWithOffset, jsonLdScript, performanceEvents } from "@/lib/catalog/event-json-ld";
import type { PublicPerformance } from "@/lib/catalog/public-catalog";

const performance = (over: Partial<PublicPerformance> = {}): PublicPerformance => ({
  id: 7,
  startsAt: new Date("2026-12-12T20:00:00Z"),
  isBookingEnabled: true,
  availableSeats: 10,
  bookingState: "open",
  show: { id: 1, title: "Amleto", slug: "amleto", summary: "Riassunto", poster: null },
  venue: { name: "Teatro", address: "Via Roma 1", city: "Roma", publicNotes: "" },
  ...over,
});

describe("isoWithOffset", () => {
  it("writes Rome's wall-clock time with its offset, winter and summer", () => {
    expect(isoWithOffset(new Date("2026-12-12T20:00:00Z"), "Europe/Rome")).toBe(
      "2026-12-12T21:00:00+01:00",
    );
    expect(isoWithOffset(new Date("2026-07-01T18:30:00Z"), "Europe/Rome")).toBe(
      "2026-07-01T20:30:00+02:00",
    );
  });
});

describe("performanceEvents", () => {
  it("describes each performance as a free event, sold out or in stock", () => {
    const events = performanceEvents({
      show: { title: "Amleto", slug: "amleto", summary: "Sì" },
      performances: [performance(), performance({ id: 8, bookingState: "sold_out" })],
      locale: "en",
      timeZone: "Europe/Rome",
      siteUrl: "https://azionelab.example",
    });
    expect(events).toHaveLength(2);
    expect(events[0]).toMatchObject({
      "@type": "TheaterEvent",
      startDate: "2026-12-12T21:00:00+01:00",
      url: "https://azionelab.example/en/shows/amleto",
      location: { address: { streetAddress: "Via Roma 1", addressLocality: "Roma" } },
      offers: { price: 0, availability: "https://schema.org/InStock" },
    });
    expect(events[1]).toMatchObject({ offers: { availability: "https://schema.org/SoldOut" } });
  });

  it("cannot be closed early by a title", () => {
    expect(jsonLdScript({ name: "</script><script>x()" })).not.toContain("</script>");
  });
});
