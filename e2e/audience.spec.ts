import { randomBytes } from "node:crypto";
import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { newestMail, type E2eMail } from "./support/mail";
import { signInWithApi } from "./support/staff-login";
import { bookTicket } from "./support/staff-tickets";
import { romeDay } from "./support/admin-performances";

// The waiting list and the audience (issue 18), in a browser: each test makes its own
// performance of "Il giardino dei ciliegi" with 2 seats (the playwright config sets
// WAITLIST_OFFER_HOURS to 0.02: offers last 72 seconds).
const SHOW = "Il giardino dei ciliegi";
const SLUG = "il-giardino-dei-ciliegi";

const email = (who: string) => `${who}-${randomBytes(5).toString("hex")}@example.org`;

/** A new performance with `seats` seats, created in /admin; its id. */
async function newPerformance(page: Page, seats: number, day: number): Promise<number> {
  await signInWithApi(page.request, "admin");
  await page.goto("/admin/performances/new");
  await page.getByLabel("Spettacolo", { exact: true }).selectOption({ label: SHOW });
  await page.getByLabel("Sala", { exact: true }).selectOption({ label: "Sala AzioneLab, Roma" });
  const minute = String(Math.floor(Math.random() * 60)).padStart(2, "0");
  await page.getByLabel(/Data e ora di inizio/).fill(`${romeDay(day)}T19:${minute}`);
  await page.getByLabel("Capienza della sala").fill(String(seats));
  await page.getByLabel("Posti aggiuntivi").fill("0");
  await page.getByLabel("Posti occupati manualmente").fill("0");
  await page.getByRole("button", { name: "Salva" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Replica salvata." })).toBeVisible();
  const id = Number(/\/admin\/performances\/(\d+)/.exec(page.url())![1]);
  await page.context().clearCookies();
  return id;
}

/** A `/<path>#token=` link of a mail (any language prefix). */
function link(mail: E2eMail, path: string): string {
  const match = new RegExp(`https?://\\S+${path}#token=[A-Za-z0-9_-]{43}`).exec(mail.text);
  if (!match) throw new Error(`no ${path} link in "${mail.subject}"`);
  return match[0];
}

/** Joins the waiting list from the booking page and confirms the address from the email. */
async function joinAndConfirm(page: Page, performanceId: number, address: string, party: string) {
  await page.goto(`/shows/${SLUG}/${performanceId}`);
  await expect(page.getByText("Esaurito").first()).toBeVisible();
  const list = page.locator("#waitlist");
  await list.getByLabel("Nome e cognome").fill("Giulia Bianchi");
  await list.getByLabel("Email").fill(address);
  await list.getByLabel("Quante persone").selectOption(party);
  await list.getByLabel(/Acconsento/).check();
  await list.getByRole("button", { name: "Iscrivimi alla lista d'attesa" }).click();
  await expect(page.getByText("Controlla la tua email")).toBeVisible();
  const optIn = await newestMail(address, { subject: /^Conferma l'iscrizione/ });
  expect(optIn.text).toContain("/waitlist/leave#token=");
  await page.goto(link(optIn, "/waitlist/confirm"));
  return page;
}

async function cancelTicket(page: Page, token: string) {
  await page.goto(`/ticket#token=${token}`);
  await page.getByRole("button", { name: "Annulla la prenotazione" }).click();
  await page.getByRole("button", { name: "Sì, annulla" }).click();
  await expect(page.getByText(/email che conferma l.annullamento/)).toBeVisible();
}

async function fill(request: APIRequestContext, performanceId: number) {
  return bookTicket(request, { performanceId, partySize: 2 });
}

test("join the list, confirm, a cancellation frees the seats, the offer email books a ticket", async ({
  page,
}) => {
  const performanceId = await newPerformance(page, 2, 30);
  const holder = await fill(page.request, performanceId);
  const visitor = email("waiting");

  await joinAndConfirm(page, performanceId, visitor, "2");
  await expect(page.getByText(/sei in lista d'attesa, primo in lista/)).toBeVisible();
  const welcome = await newestMail(visitor, { subject: /^Sei in lista d'attesa/ });
  expect(welcome.text).toContain("/waitlist/leave#token=");

  await cancelTicket(page, holder.token);
  const offer = await newestMail(visitor, { subject: /^Si sono liberati dei posti/ });
  expect(offer.text).toContain("/waitlist/leave#token=");
  // Held for the visitor: nobody else can book them.
  await page.goto(`/shows/${SLUG}/${performanceId}`);
  await expect(page.getByText("Esaurito").first()).toBeVisible();

  await page.goto(link(offer, "/waitlist/offer"));
  await expect(page.getByText(/Prenotazione confermata: ecco il biglietto/)).toBeVisible();
  await expect(page.getByRole("img", { name: /Codice QR/ })).toBeVisible();
  await expect(page).toHaveURL(/\/ticket#token=[A-Za-z0-9_-]{43}$/);
  await newestMail(visitor, { subject: /^Il tuo biglietto/ });

  // The admin sees the list in order with its states, and the dashboard its length.
  await signInWithApi(page.request, "admin");
  await page.goto(`/admin/performances/${performanceId}/waitlist`);
  await expect(page.getByRole("cell", { name: "Prenotato" })).toBeVisible();
  // On a phone the table scrolls on its own; the page does not scroll sideways.
  await page.setViewportSize({ width: 360, height: 800 });
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
});

test("an offer that runs out passes to the next in line", async ({ page }) => {
  test.setTimeout(300_000);
  const performanceId = await newPerformance(page, 2, 31);
  const holder = await fill(page.request, performanceId);
  const first = email("first");
  const second = email("second");
  await joinAndConfirm(page, performanceId, first, "2");
  await joinAndConfirm(page, performanceId, second, "2");
  await expect(page.getByText(/in posizione 2/)).toBeVisible();

  await cancelTicket(page, holder.token);
  await newestMail(first, { subject: /^Si sono liberati dei posti/ });
  // 72 seconds later the expiry job (every minute) passes the seats on.
  await newestMail(first, { subject: /^Offerta scaduta/, timeoutMs: 200_000 });
  const offer = await newestMail(second, { subject: /^Si sono liberati dei posti/ });
  await page.goto(link(offer, "/waitlist/offer"));
  await expect(page.getByText(/Prenotazione confermata: ecco il biglietto/)).toBeVisible();
});

test("a cancelled performance tells every holder and the waiting list, and takes no bookings", async ({
  page,
}) => {
  const performanceId = await newPerformance(page, 2, 32);
  const holder = await fill(page.request, performanceId);
  const waiting = email("closed");
  await joinAndConfirm(page, performanceId, waiting, "1");
  await expect(page.getByText(/primo in lista/)).toBeVisible();

  await signInWithApi(page.request, "admin");
  await page.goto(`/admin/performances/${performanceId}/audience`);
  // A message first, previewed in both languages.
  await page.getByLabel("Oggetto", { exact: true }).fill("Porte aperte alle 19");
  await page.getByLabel("Testo", { exact: true }).fill("Vi aspettiamo mezz'ora prima.");
  await page.getByRole("button", { name: "Anteprima" }).click();
  await expect(page.getByTestId("message-preview-it")).toContainText("Porte aperte alle 19");
  await page.getByRole("button", { name: "Invia (1 destinatari)" }).click();
  await expect(page.getByText("Messaggio in coda: 1 email.")).toBeVisible();

  await page.getByRole("button", { name: "Annulla la replica" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Annulla la replica" }).click();
  await expect(
    page.getByText("Replica annullata. Avvisi in coda: prenotazioni 1, lista d'attesa 1."),
  ).toBeVisible();
  await newestMail(waiting, { subject: /^Replica annullata/ });
  // The holder's notice went out: the send shows it delivered.
  await expect
    .poll(async () => (await page.reload(), page.getByTestId("send-cancellation").innerText()))
    .toContain("1 inviate, 0 non partite, 0 in coda");
  await expect(page.getByTestId("send-message")).toContainText("1 inviate");
  await page.context().clearCookies();
  await page.goto(`/shows/${SLUG}/${performanceId}`);
  await expect(page.getByText("Replica annullata").first()).toBeVisible();
  await expect(page.locator("#waitlist")).toHaveCount(0);
  // The door refuses the holder's ticket with that reason.
  await signInWithApi(page.request, "staff");
  const refused = await page.request.post("/api/check-ins/preview", {
    data: { token: holder.token },
  });
  expect(await refused.json()).toMatchObject({ status: "performance_cancelled" });
});

test("in English: the waiting list speaks English, from the form to the emails", async ({
  page,
}) => {
  const performanceId = await newPerformance(page, 2, 33);
  await fill(page.request, performanceId);
  const visitor = email("english");
  await page.goto(`/en/shows/${SLUG}/${performanceId}`);
  await expect(page.getByText("Sold out").first()).toBeVisible();
  const list = page.locator("#waitlist");
  await list.getByLabel("Full name").fill("Jane Doe");
  await list.getByLabel("Email").fill(visitor);
  await list.getByLabel("How many people").selectOption("1");
  await list.getByLabel(/I agree/).check();
  await list.getByRole("button", { name: "Join the waiting list" }).click();
  await expect(page.getByText("Check your email")).toBeVisible();
  const optIn = await newestMail(visitor, { subject: /^Confirm your place on the waiting list/ });
  expect(optIn.text).toContain("/en/waitlist/leave#token=");
  await page.goto(link(optIn, "/en/waitlist/confirm"));
  await expect(page.getByText(/you are on the waiting list, first in line/)).toBeVisible();

  // Leaving from the email's link: one button, then no place any more.
  const welcome = await newestMail(visitor, { subject: /^You are on the waiting list/ });
  await page.goto(link(welcome, "/en/waitlist/leave"));
  await page.getByRole("button", { name: "Leave the waiting list" }).click();
  await expect(page.getByText(/you are no longer on the waiting list/)).toBeVisible();
});

test("a party bigger than the seats left joins the list from the booking form", async ({
  page,
}) => {
  const performanceId = await newPerformance(page, 3, 35);
  await bookTicket(page.request, { performanceId, partySize: 2 });
  const visitor = email("bigger");
  await page.goto(`/shows/${SLUG}/${performanceId}`);
  await expect(page.getByText("Ultimo posto!").first()).toBeVisible();
  await page.getByRole("link", { name: /Iscriviti alla lista d'attesa/ }).click();
  const list = page.locator("#waitlist");
  await list.getByLabel("Nome e cognome").fill("Luca Verdi");
  await list.getByLabel("Email").fill(visitor);
  await list.getByLabel("Quante persone").selectOption("3");
  await list.getByLabel(/Acconsento/).check();
  await list.getByRole("button", { name: "Iscrivimi alla lista d'attesa" }).click();
  await expect(page.getByText("Controlla la tua email")).toBeVisible();
  await newestMail(visitor, { subject: /^Conferma l'iscrizione/ });
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the waiting-list form shows errors next to the fields, then joins", async ({
    page,
    browser,
  }) => {
    const setup = await browser.newPage({ javaScriptEnabled: true });
    const performanceId = await newPerformance(setup, 2, 34);
    await fill(setup.request, performanceId);
    await setup.close();
    const visitor = email("nojs-waiting");

    await page.goto(`/shows/${SLUG}/${performanceId}`);
    const list = page.locator("#waitlist");
    await list.getByLabel("Email").fill("not-an-email");
    await list.getByRole("button", { name: "Iscrivimi alla lista d'attesa" }).click();
    await expect(page.locator("#waitlist-name-error")).toHaveText("Campo obbligatorio.");
    await expect(page.locator("#waitlist-email-error")).toHaveText(
      "Inserisci un indirizzo email valido.",
    );
    await expect(list.getByLabel("Email")).toHaveValue("not-an-email");

    await list.getByLabel("Nome e cognome").fill("Paolo Neri");
    await list.getByLabel("Email").fill(visitor);
    await list.getByLabel(/Acconsento/).check();
    await list.getByRole("button", { name: "Iscrivimi alla lista d'attesa" }).click();
    await expect(page.getByText("Controlla la tua email")).toBeVisible();
    await newestMail(visitor, { subject: /^Conferma l'iscrizione/ });
  });
});
