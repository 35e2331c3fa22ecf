import { randomBytes } from "node:crypto";
import { expect, test } from "@playwright/test";
import { linkIn, newestMail } from "./support/mail";

// "Il giardino dei ciliegi" (lib/seed/demo.ts): performance 3, 130 seats; the seat
// counts of "Voci dal quartiere" belong to visitor-journey.spec.ts.
const PERFORMANCE = 3;

async function confirmedBooking(page: import("@playwright/test").Page, name: string) {
  const email = `details-${randomBytes(5).toString("hex")}@example.org`;
  const booked = await page.request.post(`/api/performances/${PERFORMANCE}/reservations`, {
    data: { name, email, party_size: 2 },
  });
  expect(booked.status()).toBe(201);
  await page.goto(linkIn(await newestMail(email, { subject: /^Conferma/ }), "confirm"));
  await expect(page.getByText("Prenotazione confermata!")).toBeVisible();
  return email;
}

test("the ticket page and the ticket email show the holder's name and the booking code", async ({
  page,
}) => {
  const name = "Livia Serafini";
  const email = await confirmedBooking(page, name);
  await expect(page.getByTestId("ticket-holder")).toHaveText(name);
  const code = (await page.getByTestId("booking-code").innerText()).trim();
  expect(code).toMatch(/^[2-9A-HJKMNP-Z]{3}-[2-9A-HJKMNP-Z]{3}$/);

  const mail = await newestMail(email, { subject: /^Il tuo biglietto/ });
  expect(mail.text).toContain(`A nome di: ${name}`);
  expect(mail.text).toContain(`Codice prenotazione: ${code}`);
  expect(mail.html).toContain('name="viewport"');
  // The QR inline (cid:) and as a file to keep.
  const inline = (mail.attachments as { contentId?: string; filename: string }[]).find(
    (a) => a.contentId,
  );
  expect(mail.html).toContain(`src="cid:${inline!.contentId}"`);
  expect(mail.attachments.filter((a) => a.contentType === "image/png")).toHaveLength(2);

  // Reopened from the email's link: the same name and code.
  await page.goto(linkIn(mail, "ticket"));
  await expect(page.getByTestId("ticket-holder")).toHaveText(name);
  await expect(page.getByTestId("booking-code")).toHaveText(code);
});

test("cancelling from the confirmation page: the question opens on the safe choice, then only the cancellation and a way onward", async ({
  page,
}) => {
  await confirmedBooking(page, "Bruno Galli");
  await page.getByRole("button", { name: "Annulla la prenotazione" }).click();
  await expect(page.getByText(/Vuoi davvero annullare/)).toBeVisible();
  await expect(page.getByRole("button", { name: "No, tienila" })).toBeFocused();
  // Enter on the focused button keeps the booking; focus returns to "cancel".
  await page.keyboard.press("Enter");
  await expect(page.getByRole("button", { name: "Annulla la prenotazione" })).toBeFocused();

  await page.getByRole("button", { name: "Annulla la prenotazione" }).click();
  await page.getByRole("button", { name: "Sì, annulla" }).click();
  const heading = page.getByRole("heading", { name: "Prenotazione annullata" });
  await expect(heading).toBeVisible();
  await expect(heading).toBeFocused();
  await expect(page.getByText(/email che conferma l.annullamento/)).toBeVisible();
  // Only the cancellation: no "confirmed" banner, no ticket, no QR, no buttons of the ticket.
  await expect(page.getByText("Prenotazione confermata!")).toHaveCount(0);
  await expect(page.getByRole("img", { name: /Codice QR/ })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Stampa" })).toHaveCount(0);
  await expect(page.getByRole("link", { name: "Tutti gli spettacoli" })).toBeVisible();
  await page.getByRole("link", { name: "Altre date di questo spettacolo" }).click();
  await expect(page).toHaveURL(/\/shows\/il-giardino-dei-ciliegi$/);
});

test("the booking page links back to its show and tells how to reach the venue", async ({
  page,
}) => {
  await page.goto(`/shows/il-giardino-dei-ciliegi/${PERFORMANCE}`);
  await expect(page.getByText("Come arrivare e accessibilità")).toBeVisible();
  await expect(page.getByText(/Bus 71 e 492/)).toBeVisible();
  // The venue's internal note never reaches a visitor page.
  await expect(page.getByText(/portiere|quadro luci/)).toHaveCount(0);
  await page.getByRole("link", { name: "Il giardino dei ciliegi: tutte le date" }).click();
  await expect(
    page.getByRole("heading", { level: 1, name: "Il giardino dei ciliegi" }),
  ).toBeVisible();
  await expect(page.getByText(/Bus 71 e 492/)).toBeVisible();
});

test.describe("before JavaScript loads", () => {
  test.use({ javaScriptEnabled: false });

  test("/lost-ticket answers next to the field and keeps what was typed, in English too", async ({
    page,
  }) => {
    await page.goto("/en/lost-ticket");
    await page.getByRole("button", { name: "Send me the links" }).click();
    await expect(page.locator("#lost-email-error")).toHaveText(
      "Enter the email address you booked with.",
    );
    await page.getByLabel("Email").fill("anna@");
    await page.getByRole("button", { name: "Send me the links" }).click();
    await expect(page.locator("#lost-email-error")).toHaveText("Enter a valid email address.");
    await expect(page.getByLabel("Email")).toHaveValue("anna@");
    await expect(page).toHaveURL(/\/en\/lost-ticket$/);
    await page.getByLabel("Email").fill(`ok-${randomBytes(4).toString("hex")}@example.org`);
    await page.getByRole("button", { name: "Send me the links" }).click();
    await expect(page.getByRole("status")).toContainText("we have just emailed them");
  });
});

test("/lost-ticket checks the address next to the field, with no browser pop-up", async ({
  page,
}) => {
  await page.goto("/lost-ticket");
  const field = page.getByLabel("Email");
  await expect(field).not.toHaveAttribute("required");
  await page.getByRole("button", { name: "Inviami i link" }).click();
  await expect(page.locator("#lost-email-error")).toHaveText(
    "Scrivi l'indirizzo email con cui hai prenotato.",
  );
  await expect(field).toBeFocused();
  await field.fill("non-una-email");
  await field.blur();
  await expect(page.locator("#lost-email-error")).toHaveText(
    "Inserisci un indirizzo email valido.",
  );
  await expect(field).toHaveAttribute("aria-invalid", "true");
  await field.fill(`ok-${randomBytes(4).toString("hex")}@example.org`);
  await expect(page.locator("#lost-email-error")).toBeEmpty();
  await page.getByRole("button", { name: "Inviami i link" }).click();
  await expect(page.getByRole("status")).toContainText("ti abbiamo appena mandato");
});
