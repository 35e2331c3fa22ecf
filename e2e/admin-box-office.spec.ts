import { randomBytes } from "node:crypto";
import { expect, test, type Page } from "@playwright/test";
import { newestMail } from "./support/mail";
import { signInWithForm } from "./support/staff-login";
import { romeDay } from "./support/admin-performances";

// The box office (issue 17): bookings by phone and at the desk, edits, moves, series of
// performances, the lists.

/** A minute no other test of this run picks, so performances never clash. */
const minute = () => String(10 + Math.floor(Math.random() * 50)).padStart(2, "0");

function collectProblems(page: Page): string[] {
  const problems: string[] = [];
  page.on("pageerror", (error) => problems.push(error.message));
  page.on(
    "console",
    (m) =>
      m.type() === "error" &&
      !m.location().url.endsWith("/favicon.ico") &&
      problems.push(`${m.text()} ${m.location().url}`),
  );
  return problems;
}

/** Creates one performance of "Le serve" in the Sala AzioneLab from the form; returns its id. */
async function newPerformance(
  page: Page,
  { day, time, capacity }: { day: string; time: string; capacity: number },
) {
  await page.goto("/admin/performances/new");
  await page.getByLabel("Spettacolo", { exact: true }).selectOption({ label: "Le serve" });
  await page.getByLabel("Sala", { exact: true }).selectOption({ label: "Sala AzioneLab, Roma" });
  await page.getByLabel(/Data e ora di inizio/).fill(`${day}T${time}`);
  await page.getByLabel("Capienza della sala").fill(String(capacity));
  await page.getByRole("button", { name: "Salva" }).click();
  await page.waitForURL((url) => /^\/admin\/performances\/\d+$/.test(url.pathname));
  return Number(/\/admin\/performances\/(\d+)/.exec(page.url())![1]);
}

async function book(
  page: Page,
  performanceId: number,
  fields: {
    channel: string;
    name: string;
    email?: string;
    phone?: string;
    party: number;
    notes?: string;
    send?: boolean;
    /** The ticket email's language; the form starts on Italian. */
    language?: "Italiano" | "English";
  },
) {
  await page.goto(`/admin/reservations/new?performance=${performanceId}`);
  await page.getByLabel("Tipo").selectOption({ label: fields.channel });
  await page.getByLabel("Nome", { exact: true }).fill(fields.name);
  if (fields.email) await page.getByLabel(/^Email/).fill(fields.email);
  if (fields.phone) await page.getByLabel(/^Telefono/).fill(fields.phone);
  await page.getByLabel("Posti", { exact: true }).fill(String(fields.party));
  if (fields.notes) await page.getByLabel(/^Note/).fill(fields.notes);
  if (fields.language)
    await page.getByLabel("Lingua delle email").selectOption({ label: fields.language });
  if (fields.send) await page.getByLabel("Invia il biglietto per email").check();
  await page.getByRole("button", { name: "Conferma prenotazione" }).click();
}

test("the box office books by phone with the ticket email and at the desk without, edits under the seat count, moves", async ({
  page,
}) => {
  test.setTimeout(120_000);
  const problems = collectProblems(page);
  const suffix = randomBytes(3).toString("hex");
  const callerEmail = `telefono-${suffix}@example.org`;
  await signInWithForm(page, "admin", "/admin");

  const time = `21:${minute()}`;
  const small = await newPerformance(page, { day: romeDay(40), time, capacity: 4 });
  // "Duplicate": the same performance a week later, with more seats.
  await page.getByRole("link", { name: "Duplica" }).click();
  await expect(
    page.getByRole("heading", { level: 1, name: "Nuova replica (copia)" }),
  ).toBeVisible();
  await expect(page.getByLabel(/Data e ora di inizio/)).toHaveValue(`${romeDay(47)}T${time}`);
  await page.getByLabel("Capienza della sala").fill("10");
  await page.getByRole("button", { name: "Salva" }).click();
  await page.waitForURL((url) => /^\/admin\/performances\/\d+$/.test(url.pathname));
  const roomy = Number(/\/admin\/performances\/(\d+)/.exec(page.url())![1]);

  // By phone, the ticket emailed.
  await book(page, small, {
    channel: "Telefono",
    name: `Telefonata ${suffix}`,
    email: callerEmail,
    phone: "+39 333 555 0101",
    party: 3,
    send: true,
  });
  await expect(
    page.getByRole("status").filter({ hasText: "Prenotazione confermata; il biglietto è in coda" }),
  ).toBeVisible();
  await expect(page).toHaveTitle(/^Prenotazione n\. \d+ · Amministrazione · AzioneLab$/);
  const phoneBooking = Number(/\/admin\/reservations\/(\d+)/.exec(page.url())![1]);
  await expect(page.getByText("Confermata", { exact: true })).toBeVisible();
  const ticket = await newestMail(callerEmail, { subject: /Il tuo biglietto/ });
  expect(ticket.text).toContain("/ticket#token=");

  // At the desk, no address, no email.
  await book(page, small, { channel: "Alla cassa", name: `Passante ${suffix}`, party: 1 });
  await expect(
    page.getByRole("status").filter({ hasText: "Prenotazione confermata." }),
  ).toBeVisible();
  const walkIn = Number(/\/admin\/reservations\/(\d+)/.exec(page.url())![1]);
  await expect(page.getByRole("button", { name: "Invia di nuovo l'email" })).toHaveCount(0);

  // The performance is full: a third booking is refused on the seats field, nothing saved.
  await book(page, small, { channel: "Telefono", name: `Ritardatario ${suffix}`, party: 2 });
  await expect(page.locator("#field-party_size-error")).toContainText(
    "Posti insufficienti: non c'è più nessun posto",
  );
  await expect(page).toHaveURL(/\/admin\/reservations\/new/);

  // Editing the walk-in to 2 seats is refused; the party stays 1.
  await page.goto(`/admin/reservations/${walkIn}/edit`);
  await expect(page).toHaveTitle(/^Modifica prenotazione n\. \d+ · Amministrazione/);
  await page.getByLabel("Posti", { exact: true }).fill("2");
  await page.getByRole("button", { name: "Salva modifiche" }).click();
  await expect(page.locator("#field-party_size-error")).toContainText("Niente è stato modificato");
  await page.goto(`/admin/reservations/${walkIn}`);
  await expect(page.locator("dd").filter({ hasText: /^1$/ })).toBeVisible();

  // The phone booking moves to the roomier date, freeing three seats here.
  await page.goto(`/admin/reservations/${phoneBooking}/edit`);
  await page.getByLabel("Nuova replica").selectOption({ value: String(roomy) });
  await page.getByRole("button", { name: "Sposta" }).click();
  await expect(
    page.getByRole("status").filter({ hasText: "Prenotazione spostata." }),
  ).toBeVisible();
  await expect(page.getByRole("link", { name: new RegExp(`Le serve —`) })).toBeVisible();
  await expect(page.getByText("Prenotazione spostata").first()).toBeVisible();

  // Now the walk-in's party can grow; the edit is audited.
  await page.goto(`/admin/reservations/${walkIn}/edit`);
  await page.getByLabel("Posti", { exact: true }).fill("2");
  await page.getByLabel(/^Note/).fill("Sedia a rotelle");
  await page.getByRole("button", { name: "Salva modifiche" }).click();
  await expect(
    page.getByRole("status").filter({ hasText: "Prenotazione aggiornata." }),
  ).toBeVisible();
  await expect(page.getByText("Sedia a rotelle")).toBeVisible();
  await expect(page.getByText(/Prenotazione modificata — admin@azionelab.example/)).toBeVisible();

  await page.goto(`/admin/performances/${small}/door-list`);
  await expect(page.getByRole("cell", { name: "Sedia a rotelle" })).toBeVisible();
  expect(problems).toEqual([]);
});

test("a booking by phone for an English speaker emails the ticket in English, with English links; Italian is the default", async ({
  page,
}) => {
  const problems = collectProblems(page);
  const suffix = randomBytes(3).toString("hex");
  await signInWithForm(page, "admin", "/admin");
  const performance = await newPerformance(page, {
    day: romeDay(41),
    time: `20:${minute()}`,
    capacity: 10,
  });
  await page.goto(`/admin/reservations/new?performance=${performance}`);
  await expect(page.getByLabel("Lingua delle email")).toHaveValue("it");

  const caller = `english-${suffix}@example.org`;
  await book(page, performance, {
    channel: "Telefono",
    name: `Caller ${suffix}`,
    email: caller,
    party: 2,
    send: true,
    language: "English",
  });
  await expect(
    page.getByRole("status").filter({ hasText: "Prenotazione confermata; il biglietto è in coda" }),
  ).toBeVisible();
  const ticket = await newestMail(caller, { subject: /^Your ticket: Le serve/ });
  expect(ticket.text).toMatch(/\/en\/ticket#token=/);
  const calendar = Buffer.from(
    ticket.attachments.find((a) => a.contentType.startsWith("text/calendar"))!.contentBase64,
    "base64",
  )
    .toString("utf8")
    .replace(/\r\n /g, "");
  expect(calendar).toMatch(/URL:\S+\/en\/shows\/le-serve/);
  expect(problems).toEqual([]);
});

test("a series of performances is refused whole when one date is wrong, then created", async ({
  page,
}) => {
  const problems = collectProblems(page);
  await signInWithForm(page, "admin", "/admin/performances/new");
  await expect(page).toHaveTitle(/^Nuova replica · Amministrazione · AzioneLab$/);
  const time = `19:${minute()}`;
  await page
    .getByLabel("Spettacolo", { exact: true })
    .selectOption({ label: "Il giardino dei ciliegi" });
  await page
    .getByLabel("Sala", { exact: true })
    .selectOption({ label: "Teatro di Quartiere, Roma" });
  await page.getByLabel(/Data e ora di inizio/).fill(`${romeDay(60)}T${time}`);
  await page.getByLabel("Capienza della sala").fill("30");
  await page.getByLabel("Ripetizione").selectOption({ label: "Anche in queste date" });
  await page.getByLabel(/Altre date/).fill(`${romeDay(61)}, 2031-02-30`);
  await page.getByRole("button", { name: "Salva" }).click();
  await expect(page.locator("#field-dates-error")).toHaveText(
    "2031-02-30: Data non valida (aaaa-mm-gg).",
  );
  await expect(
    page.getByRole("alert").filter({ hasText: "Nessuna replica creata" }).first(),
  ).toBeVisible();

  // Had the good dates been created, they would now clash ("already plays at this time").
  await page.getByLabel(/Altre date/).fill(`${romeDay(61)}\n${romeDay(62)}`);
  await page.getByRole("button", { name: "Salva" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Repliche create." })).toBeVisible();
  await expect(page).toHaveURL(/\/admin\/performances\?|\/admin\/performances$/);

  // Weekly until a date: refused when the end comes first.
  await page.goto("/admin/performances/new");
  await page
    .getByLabel("Spettacolo", { exact: true })
    .selectOption({ label: "Il giardino dei ciliegi" });
  await page
    .getByLabel("Sala", { exact: true })
    .selectOption({ label: "Teatro di Quartiere, Roma" });
  await page.getByLabel(/Data e ora di inizio/).fill(`${romeDay(60)}T${time}`);
  await page.getByLabel("Capienza della sala").fill("30");
  await page.getByLabel("Ripetizione").selectOption({ label: "Ogni settimana fino al" });
  await page.getByLabel(/Ultimo giorno della serie/).fill(romeDay(80));
  await page.getByRole("button", { name: "Salva" }).click();
  // The first date was created above: the whole series is refused, naming it.
  await expect(page.locator("#field-startsAt-error")).toContainText(
    "Lo spettacolo ha già una replica a quest'ora.",
  );
  expect(problems).toEqual([]);
});

test("the reservations list searches by phone, code and show, filters by day and status; the CSV carries contact and notes", async ({
  page,
}) => {
  test.setTimeout(90_000);
  const problems = collectProblems(page);
  const suffix = randomBytes(3).toString("hex");
  await signInWithForm(page, "admin", "/admin");
  const day = romeDay(50);
  const performance = await newPerformance(page, { day, time: `18:${minute()}`, capacity: 20 });
  await book(page, performance, {
    channel: "Telefono",
    name: `Annalisa Ferri ${suffix}`,
    email: `ferri-${suffix}@example.org`,
    phone: "06 4455 6677",
    party: 2,
    notes: '=HYPERLINK("http://x")',
  });
  await expect(
    page.getByRole("status").filter({ hasText: "Prenotazione confermata." }),
  ).toBeVisible();
  // Shown as on the ticket ("K7M-4QX"); the CSV holds the bare code.
  const shown = (await page.locator("dd").nth(1).textContent())!.trim();
  expect(shown).toMatch(/^[2-9A-HJKMNP-Z]{3}-[2-9A-HJKMNP-Z]{3}$/);
  const code = shown.replace("-", "");
  await book(page, performance, {
    channel: "Ospite / stampa",
    name: `Bruno Galli ${suffix}`,
    party: 1,
  });
  await expect(
    page.getByRole("status").filter({ hasText: "Prenotazione confermata." }),
  ).toBeVisible();

  await page.goto("/admin/reservations");
  await expect(page).toHaveTitle(/^Prenotazioni · Amministrazione · AzioneLab$/);
  const search = page.getByLabel(/^Cerca/);
  const table = page.getByRole("region", { name: "Prenotazioni" });

  await search.fill("0644556677");
  await page.getByRole("button", { name: "Filtra" }).click();
  await expect(table.getByRole("link", { name: `Annalisa Ferri ${suffix}` })).toBeVisible();
  await expect(table.getByRole("row")).toHaveCount(2);

  await search.fill(code.toLowerCase());
  await page.getByRole("button", { name: "Filtra" }).click();
  await expect(table.getByRole("cell", { name: shown })).toBeVisible();
  await expect(table.getByRole("row")).toHaveCount(2);
  // As the visitor reads it out from the ticket, dash included.
  await search.fill(shown);
  await page.getByRole("button", { name: "Filtra" }).click();
  await expect(table.getByRole("cell", { name: shown })).toBeVisible();
  await expect(table.getByRole("row")).toHaveCount(2);

  await page.goto(
    `/admin/reservations?${new URLSearchParams({ q: suffix, date: day, status: "confirmed" })}`,
  );
  await expect(table.getByRole("row")).toHaveCount(3);
  await page.goto(`/admin/reservations?${new URLSearchParams({ q: suffix, date: romeDay(51) })}`);
  await expect(page.getByText("Nessuna prenotazione corrisponde ai filtri.")).toBeVisible();
  await page.goto(
    `/admin/reservations?${new URLSearchParams({ q: "Le serve", performance: String(performance) })}`,
  );
  await expect(table.getByRole("row")).toHaveCount(3);

  // On a phone: a card per reservation, every field reachable without scrolling sideways.
  await page.setViewportSize({ width: 360, height: 800 });
  await page.goto(`/admin/reservations?q=${suffix}`);
  const cards = page.getByTestId("reservation-cards");
  await expect(cards.getByRole("link", { name: `Bruno Galli ${suffix}` })).toBeVisible();
  await expect(cards.getByText("06 4455 6677", { exact: false })).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  await page.setViewportSize({ width: 1280, height: 800 });

  // The CSV: contact details, notes made harmless for spreadsheets, kind of booking.
  const csv = await page.request.get(`/admin/performances/${performance}/attendees.csv`);
  const lines = (await csv.text())
    .replace(/^\uFEFF/, "")
    .trim()
    .split("\r\n");
  expect(lines[0]).toBe(
    '"Nome","Codice","Posti","Stato","Email","Telefono","Note","Tipo","Entrato alle","Posti entrati","Modo di ingresso"',
  );
  expect(lines).toContain(
    `"Annalisa Ferri ${suffix}","${code}",2,"Confermata","ferri-${suffix}@example.org","06 4455 6677","'=HYPERLINK(""http://x"")","Telefono","",0,""`,
  );
  expect(
    lines.some(
      (line) => line.startsWith(`"Bruno Galli ${suffix}"`) && line.includes('"Ospite / stampa"'),
    ),
  ).toBe(true);

  await page.goto("/admin/audit");
  await expect(
    page.getByRole("cell", { name: "Elenco partecipanti scaricato" }).first(),
  ).toBeVisible();
  await page.goto("/admin/check-ins");
  await expect(page).toHaveTitle(/^Ingressi registrati · Amministrazione · AzioneLab$/);
  expect(problems).toEqual([]);
});
