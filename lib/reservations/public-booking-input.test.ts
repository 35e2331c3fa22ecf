import { describe, expect, it } from "vitest";
import { bookingFormValues, publicBookingInput } from "@/lib/reservations/public-booking-input";

function form(fields: Record<string, string>) {
  const data = new FormData();
  for (const [key, value] of Object.entries(fields)) data.set(key, value);
  return data;
}

describe("publicBookingInput", () => {
  const schema = publicBookingInput(10);
  const filled = {
    name: "Maria",
    email: "maria@example.org",
    party_size: "2",
    privacy_consent: "on",
  };

  it("accepts a filled form with consent", () => {
    const parsed = schema.safeParse(bookingFormValues(form(filled)));
    expect(parsed.success && parsed.data).toEqual({
      name: "Maria",
      email: "maria@example.org",
      phone: "",
      party_size: 2,
      notes: "",
      privacy_consent: true,
    });
  });

  it("requires the privacy consent", () => {
    const { privacy_consent: _, ...withoutConsent } = filled;
    const parsed = schema.safeParse(bookingFormValues(form(withoutConsent)));
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((i) => [i.path.join("."), i.message])).toEqual([
      ["privacy_consent", "privacy_required"],
    ]);
  });

  it("ignores fields the form does not have, such as a forged status", () => {
    const parsed = schema.safeParse(
      bookingFormValues(form({ ...filled, status: "confirmed", $ACTION_ID_abc: "" })),
    );
    expect(parsed.success && "status" in parsed.data).toBe(false);
  });

  it("caps the party at the given maximum", () => {
    expect(
      publicBookingInput(3).safeParse(bookingFormValues(form({ ...filled, party_size: "4" }))).error
        ?.issues[0].message,
    ).toBe("party_size_max");
  });
});
