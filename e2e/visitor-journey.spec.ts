import { randomBytes } from "node:crypto";
import { expect, test, type Page } from "@playwright/test";
import jsQR from "jsqr";
import { PNG } from "pngjs";
import { linkIn, newestMail } from "./support/mail";

// "Voci dal quartiere" (lib/seed/demo.ts): one performance, 30 seats, none taken; the
// other e2e files book elsewhere, so the seat counts below are ours alone.
const SHOW = "Voci dal quartiere";

function decodeQr(png: Buffer): string | undefined {
  const image = PNG.sync.read(png);
  return jsQR(new Uint8ClampedArray(image.data), image.width, image.height)?.data;
}

async function seatsLeft(page: Page): Promise<number> {
  const badge = page.getByText(/\d+ posti disponibili|1 posto disponibile/).first();
  return Number(/(\d+)/.exec(await badge.innerText())![1]);
}

test("from the home page to a printed ticket and back to a cancellation", async ({ page }) => {
  const problems: string[] = [];
  page.on("pageerror", (error) => problems.push(error.message));
  page.on("console", (message) => message.type() === "error" && problems.push(message.text()));
  const email = `visitor-${randomBytes(5).toString("hex")}@example.org`;

  await page.goto("/");
  await page.getByRole("link", { name: SHOW }).first().click();
  await expect(page.getByRole("heading", { level: 1, name: SHOW })).toBeVisible();
  const before = await seatsLeft(page);
  await page
    .getByRole("link", { name: /^Prenota per/ })
    .first()
    .click();

  await page.getByLabel("Nome e cognome").fill("Giulia Bianchi");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Numero di posti").selectOption("2");
  await page.getByLabel(/Ho letto l'informativa/).check();
  await page.getByRole("button", { name: "Prenota" }).click();
  await expect(page.getByRole("heading", { name: "Controlla la tua email" })).toBeVisible();
  await expect(page.getByText(email)).toBeVisible();

  const confirmation = await newestMail(email, { subject: /^Conferma la tua prenotazione/ });
  expect(confirmation.html).toContain("/confirm#token=");
  await page.goto(linkIn(confirmation, "confirm"));
  await expect(page.getByText("Prenotazione confermata!")).toBeVisible();
  await expect(page.getByRole("heading", { name: SHOW })).toBeVisible();
  await expect(page.getByText("2 posti", { exact: true })).toBeVisible();
  await expect(page).toHaveURL(/\/ticket#token=[A-Za-z0-9_-]{43}$/);
  const token = new URL(page.url()).hash.replace("#token=", "");

  // The QR on the page carries the token and nothing else.
  const qrSource = await page.getByRole("img", { name: /Codice QR/ }).getAttribute("src");
  expect(decodeQr(Buffer.from(qrSource!.split(",")[1], "base64"))).toBe(token);

  // The ticket email: the QR attached as PNG holds a ticket token, plus the .ics and the link.
  const ticketMail = await newestMail(email, { subject: /^Il tuo biglietto/ });
  expect(linkIn(ticketMail, "ticket")).toContain(`#token=${token}`);
  const png = ticketMail.attachments.find((a) => a.contentType === "image/png")!;
  expect(decodeQr(Buffer.from(png.contentBase64, "base64"))).toBe(token);
  expect(ticketMail.attachments.some((a) => a.filename.endsWith(".ics"))).toBe(true);

  // Print view: only the ticket, on one A4 page.
  await page.emulateMedia({ media: "print" });
  await expect(page.getByRole("banner")).toBeHidden();
  await expect(page.getByRole("button", { name: "Stampa" })).toBeHidden();
  const pdf = await page.pdf({ format: "A4", printBackground: true });
  expect(pdf.toString("latin1").match(/\/Type\s*\/Page[^s]/g)).toHaveLength(1);
  await page.emulateMedia({ media: "screen" });

  // The seats are taken...
  // The show page is served from the cache, at most 2 s stale (revalidate = 2).
  await expect
    .poll(async () => (await page.goto(`/shows/voci-dal-quartiere`), seatsLeft(page)), {
      timeout: 10_000,
    })
    .toBe(before - 2);

  // ...until the visitor cancels from the ticket.
  await page.goto(`/ticket#token=${token}`);
  await page.getByRole("button", { name: "Annulla la prenotazione" }).click();
  await expect(page.getByText(/Vuoi davvero annullare/)).toBeVisible();
  await page.getByRole("button", { name: "Sì, annulla" }).click();
  await expect(page.getByText(/email che conferma l.annullamento/)).toBeVisible();
  await expect(page.getByRole("img", { name: /Codice QR/ })).toHaveCount(0);
  await newestMail(email, { subject: /^Prenotazione annullata/ });

  await expect
    .poll(async () => (await page.goto(`/shows/voci-dal-quartiere`), seatsLeft(page)), {
      timeout: 10_000,
    })
    .toBe(before);
  expect(problems).toEqual([]);
});

test("the booking form checks each field as it is left, and sends nothing while one is wrong", async ({
  page,
}) => {
  await page.goto("/shows/il-giardino-dei-ciliegi");
  await page
    .getByRole("link", { name: /^Prenota per/ })
    .first()
    .click();
  const posts: string[] = [];
  page.on("request", (request) => {
    if (request.method() === "POST") posts.push(request.url());
  });
  const email = page.getByLabel("Email");
  await email.fill("not-an-email");
  await expect(page.locator("#booking-email-error")).toBeEmpty(); // not before leaving it
  await email.blur();
  await expect(page.locator("#booking-email-error")).toHaveText(
    "Inserisci un indirizzo email valido.",
  );
  await email.fill("visitor@example.org"); // then on every change
  await expect(page.locator("#booking-email-error")).toBeEmpty();
  await expect(email).not.toHaveAttribute("aria-invalid", "true");

  await page.getByRole("button", { name: "Prenota" }).click();
  await expect(page.getByLabel("Nome e cognome")).toBeFocused();
  await expect(page.locator("#booking-name-error")).toHaveText("Campo obbligatorio.");
  await expect(page.locator("#booking-privacy_consent-error")).toHaveText(
    "Per prenotare serve il consenso.",
  );
  expect(posts).toEqual([]);
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the booking form shows errors next to the fields and then books", async ({ page }) => {
    const email = `nojs-${randomBytes(5).toString("hex")}@example.org`;
    await page.goto("/shows/il-giardino-dei-ciliegi");
    await page
      .getByRole("link", { name: /^Prenota per/ })
      .first()
      .click();

    await page.getByLabel("Email").fill("not-an-email");
    await page.getByRole("button", { name: "Prenota" }).click();
    await expect(page.getByText("Controlla i campi segnalati.")).toBeVisible();
    await expect(page.getByLabel("Nome e cognome")).toHaveAttribute("aria-invalid", "true");
    await expect(page.locator("#booking-name-error")).toHaveText("Campo obbligatorio.");
    await expect(page.locator("#booking-email-error")).toHaveText(
      "Inserisci un indirizzo email valido.",
    );
    await expect(page.locator("#booking-privacy_consent-error")).toHaveText(
      "Per prenotare serve il consenso.",
    );
    // What the visitor typed is still there.
    await expect(page.getByLabel("Email")).toHaveValue("not-an-email");

    await page.getByLabel("Nome e cognome").fill("Paolo Neri");
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Numero di posti").selectOption("3");
    await page.getByLabel(/Ho letto l'informativa/).check();
    await page.getByRole("button", { name: "Prenota" }).click();
    await expect(page.getByRole("heading", { name: "Controlla la tua email" })).toBeVisible();
    const first = await newestMail(email);

    // "Send the email again": a new link replaces the old one.
    await page.getByRole("button", { name: "Invia di nuovo l'email" }).click();
    await expect(page.getByText("Nuova email in arrivo")).toBeVisible();
    await expect.poll(async () => (await newestMail(email)).file).not.toBe(first.file);
    expect(linkIn(await newestMail(email), "confirm")).not.toBe(linkIn(first, "confirm"));
  });

  test("lost ticket: the same answer for any address, and the links arrive", async ({ page }) => {
    const email = `lost-${randomBytes(5).toString("hex")}@example.org`;
    const booked = await page.request.post("/api/performances/1/reservations", {
      data: { name: "Anna", email, party_size: 1 },
    });
    expect([201, 409]).toContain(booked.status());
    const answers: string[] = [];
    for (const address of [email, `nobody-${randomBytes(5).toString("hex")}@example.org`]) {
      await page.goto("/lost-ticket");
      await page.getByLabel("Email").fill(address);
      await page.getByRole("button", { name: "Inviami i link" }).click();
      answers.push(await page.getByRole("status").innerText());
    }
    expect(answers[0]).toBe(answers[1]);
    if (booked.status() === 201)
      expect((await newestMail(email)).subject).toMatch(/^Conferma la tua prenotazione/);
  });
});
