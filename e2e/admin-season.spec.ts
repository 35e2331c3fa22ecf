import { randomBytes } from "node:crypto";
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { linkIn, newestMail } from "./support/mail";
import { signInWithApi, signInWithForm } from "./support/staff-login";
import { romeDay } from "./support/admin-performances";

async function expectNoAxeViolations(page: Page) {
  const results = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"])
    .analyze();
  expect(
    results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`),
    page.url(),
  ).toEqual([]);
}

test("an admin puts a new show on sale, a visitor books, the admin checks the party in and the counts move", async ({
  page,
}) => {
  test.setTimeout(90_000);
  const problems: string[] = [];
  page.on("pageerror", (error) => problems.push(error.message));
  // /favicon.ico is the site's (app/icon.svg serves as icon); Chromium still asks for it now and then.
  page.on(
    "console",
    (m) =>
      m.type() === "error" &&
      !m.location().url.endsWith("/favicon.ico") &&
      problems.push(`${m.text()} ${m.location().url}`),
  );
  page.on(
    "response",
    (response) => response.status() === 404 && problems.push(`404 ${response.url()}`),
  );
  const suffix = randomBytes(3).toString("hex");
  const venueName = `Cortile ${suffix}`;
  const showTitle = `Amleto in cortile ${suffix}`;
  const visitorEmail = `admin-flow-${suffix}@example.org`;

  await signInWithForm(page, "admin", "/admin");
  await expect(page.getByRole("heading", { level: 1, name: "Cruscotto" })).toBeVisible();
  await expectNoAxeViolations(page);

  // A venue.
  await page
    .getByRole("navigation", { name: "Amministrazione" })
    .getByRole("link", { name: "Sale" })
    .click();
  await page.getByRole("link", { name: "Nuova sala" }).click();
  await page.getByRole("button", { name: "Salva" }).click();
  await expect(page.locator("#field-name-error")).toHaveText("Campo obbligatorio.");
  await expect(page.getByLabel("Nome")).toHaveAttribute("aria-invalid", "true");
  await page.getByLabel("Nome").fill(venueName);
  await page.getByLabel("Indirizzo", { exact: true }).fill("Via del Cortile 3");
  await page.getByRole("button", { name: "Salva" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Sala salvata." })).toBeVisible();
  await expect(page.getByRole("link", { name: venueName })).toBeVisible();

  // A published show; the slug follows the title.
  await page.goto("/admin/shows/new");
  await page.getByLabel("Titolo", { exact: true }).fill(showTitle);
  await expect(page.getByLabel(/Indirizzo \(slug\)/)).toHaveValue(`amleto-in-cortile-${suffix}`);
  await page.getByLabel("Descrizione", { exact: true }).fill("Un **Amleto** all'aperto.");
  await page.getByLabel("Sottotitolo breve (inglese)").fill("Hamlet in a courtyard.");
  await page.getByRole("button", { name: "Anteprima: Descrizione", exact: true }).click();
  await expect(page.locator("strong", { hasText: "Amleto" })).toBeVisible();
  await page.getByRole("button", { name: "Scrivi: Descrizione", exact: true }).click();
  await page.getByLabel("Pubblicato sul sito").check();
  await page.getByRole("button", { name: "Salva" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Spettacolo salvato." })).toBeVisible();

  // A performance, with the capacity formula live as the admin types.
  await page.goto("/admin/performances/new");
  await expectNoAxeViolations(page);
  await page.getByLabel("Spettacolo", { exact: true }).selectOption({ label: showTitle });
  await page.getByLabel("Sala", { exact: true }).selectOption({ label: `${venueName}, Roma` });
  await page.getByLabel(/Data e ora di inizio/).fill(`${romeDay(10)}T20:30`);
  await page.getByLabel("Capienza della sala").fill("20");
  await page.getByLabel("Posti aggiuntivi").fill("2");
  await page.getByLabel("Posti occupati manualmente").fill("25");
  await expect(page.getByTestId("capacity-formula")).toHaveText(
    "20 capienza + 2 aggiuntivi − 25 occupati manualmente = -3 posti prenotabili",
  );
  await page.getByRole("button", { name: "Salva" }).click();
  await expect(page.locator("#field-manuallyOccupiedSeats-error")).toHaveText(
    /non possono superare/,
  );
  await page.getByLabel("Posti occupati manualmente").fill("2");
  await expect(page.getByTestId("capacity-formula")).toHaveText(
    "20 capienza + 2 aggiuntivi − 2 occupati manualmente = 20 posti prenotabili",
  );
  await page.getByRole("button", { name: "Salva" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Replica salvata." })).toBeVisible();
  const performanceId = Number(/\/admin\/performances\/(\d+)/.exec(page.url())![1]);

  await page.goto("/admin");
  const counts = page.getByTestId(`counts-${performanceId}`);
  await expect(counts).toHaveText(
    "0 confermati · 0 in attesa · 20 liberi · 0 entrati, su 20 posti prenotabili",
  );

  // The public site shows it; a visitor books and confirms.
  await page.goto("/shows");
  await page.getByRole("link", { name: showTitle }).first().click();
  await expect(page.getByRole("heading", { level: 1, name: showTitle })).toBeVisible();
  await page
    .getByRole("link", { name: /^Prenota per/ })
    .first()
    .click();
  await page.getByLabel("Nome e cognome").fill("Ofelia Danese");
  await page.getByLabel("Email").fill(visitorEmail);
  await page.getByLabel("Numero di posti").selectOption("3");
  await page.getByLabel(/Ho letto l'informativa/).check();
  await page.getByRole("button", { name: "Prenota" }).click();
  await expect(page.getByRole("heading", { name: "Controlla la tua email" })).toBeVisible();

  await page.goto("/admin");
  await expect(counts).toHaveText(
    "0 confermati · 3 in attesa · 20 liberi · 0 entrati, su 20 posti prenotabili",
  );

  await page.goto(linkIn(await newestMail(visitorEmail, { subject: /^Conferma/ }), "confirm"));
  await expect(page.getByText("Prenotazione confermata!")).toBeVisible();

  await page.goto("/admin");
  await expect(counts).toHaveText(
    "3 confermati · 0 in attesa · 17 liberi · 0 entrati, su 20 posti prenotabili",
  );

  // The admin finds the reservation and checks the party in by hand.
  await page.goto(`/admin/reservations?performance=${performanceId}`);
  await page.getByLabel(/^Cerca/).fill("ofelia");
  await page.getByRole("button", { name: "Filtra" }).click();
  await expectNoAxeViolations(page);
  await page.getByRole("link", { name: "Ofelia Danese" }).click();
  await page.waitForURL(/\/admin\/reservations\/\d+$/);
  await expect(page.getByRole("definition").filter({ hasText: /^Confermata$/ })).toBeVisible();
  await page.getByRole("button", { name: "Registra ingresso manuale" }).click();
  const dialog = page.getByRole("dialog");
  await expect(dialog).toContainText("Registrare l'ingresso di Ofelia Danese (3 posti) senza QR?");
  await dialog.getByRole("button", { name: "Registra ingresso manuale" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Ingresso registrato." })).toBeVisible();
  await expect(
    page.getByText(/Entrata registrata da Chiara \(admin\) \(a mano da amministrazione\)/),
  ).toBeVisible();

  await page.goto("/admin");
  await expect(counts).toHaveText(
    "3 confermati · 0 in attesa · 17 liberi · 3 entrati, su 20 posti prenotabili",
  );

  // Lowering capacity below the confirmed seats is refused with the reason.
  await page.goto(`/admin/performances/${performanceId}`);
  await page.getByLabel("Capienza della sala").fill("2");
  await page.getByLabel("Posti aggiuntivi").fill("0");
  await page.getByLabel("Posti occupati manualmente").fill("0");
  await expect(page.getByText(/sarebbero meno dei posti già confermati \(3\)/)).toBeVisible();
  await page.getByRole("button", { name: "Salva" }).click();
  await expect(page.locator("#field-roomCapacity-error")).toContainText(
    "ci sono 3 posti già confermati",
  );

  // The show cannot be deleted while it has a performance (PROTECT).
  await page.goto("/admin/shows");
  await page.getByRole("link", { name: showTitle }).click();
  await page.getByRole("button", { name: "Elimina" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Elimina" }).click();
  await expect(
    page.getByRole("alert").filter({ hasText: "lo spettacolo ha 1 repliche" }).first(),
  ).toBeVisible();

  // Attendee CSV and the printable door list.
  const csv = await page.request.get(`/admin/performances/${performanceId}/attendees.csv`);
  expect(csv.headers()["content-type"]).toContain("text/csv");
  expect(csv.headers()["cache-control"]).toContain("no-store");
  const lines = (await csv.text())
    .replace(/^\uFEFF/, "")
    .trim()
    .split("\r\n");
  // Every text cell quoted, so that a spreadsheet splitting at `;` keeps each one whole.
  expect(lines[0]).toBe(
    '"Nome","Codice","Posti","Stato","Email","Telefono","Note","Tipo","Entrato alle","Posti entrati","Modo di ingresso"',
  );
  expect(lines[1]).toMatch(
    new RegExp(
      `^"Ofelia Danese","[2-9A-HJKMNP-Z]{6}",3,"Confermata","${visitorEmail}","","","Online","\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}",3,"a mano da amministrazione"$`,
    ),
  );
  await page.goto(`/admin/performances/${performanceId}/door-list`);
  await expect(page.getByRole("cell", { name: "Ofelia Danese" })).toBeVisible();
  await expect(page.getByText("1 gruppo · 3 posti confermati")).toBeVisible();

  // Every change is in the audit log.
  await page.goto("/admin/audit");
  for (const action of [
    "Sala creata",
    "Spettacolo creato",
    "Replica creata",
    "Ingresso manuale registrato",
  ]) {
    await expect(page.getByRole("cell", { name: action }).first()).toBeVisible();
  }
  expect(problems).toEqual([]);
});

test("admin pages are never cached and speak English when switched", async ({ page }) => {
  await signInWithForm(page, "admin", "/admin");
  const response = await page.request.get("/admin/reservations");
  expect(response.headers()["cache-control"]).toContain("no-store");
  await page.getByRole("button", { name: "English" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Dashboard" })).toBeVisible();
  await expect(
    page
      .getByRole("navigation", { name: "Administration" })
      .getByRole("link", { name: "Reservations" }),
  ).toBeVisible();
  // Read out in English (the public chrome around it stays Italian, and says so).
  await expect(page.locator("[data-admin-wide]")).toHaveAttribute("lang", "en");
  // The one language switch shown marks English (the public header's, hidden here, could not).
  await expect(page.getByRole("button", { name: "English" })).toHaveAttribute(
    "aria-pressed",
    "true",
  );
  // Its link to the public site keeps the admin's language.
  await expect(page.getByRole("link", { name: "Public site" })).toHaveAttribute("href", "/en");
  await page.getByRole("button", { name: "Italiano" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Cruscotto" })).toBeVisible();
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("an admin form shows the server's field errors and then saves", async ({ page }) => {
    await signInWithApi(page.request, "admin");
    await page.goto("/admin/venues/new");
    await page.getByLabel("Indirizzo", { exact: true }).fill("Via Senza Script 1");
    await page.getByRole("button", { name: "Salva" }).click();
    await expect(page.locator("#field-name-error")).toHaveText("Campo obbligatorio.");
    await expect(page.getByLabel("Nome")).toHaveAttribute("aria-invalid", "true");

    const name = `Sala senza script ${randomBytes(3).toString("hex")}`;
    await page.getByLabel("Nome").fill(name);
    await page.getByLabel("Indirizzo", { exact: true }).fill("Via Senza Script 1");
    await page.getByRole("button", { name: "Salva" }).click();
    await expect(page).toHaveURL(/\/admin\/venues\?notice=venue_saved$/);
    await expect(page.getByRole("link", { name })).toBeVisible();
  });
});
