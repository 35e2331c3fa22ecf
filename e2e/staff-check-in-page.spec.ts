import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { signInWithApi, signInWithForm } from "./support/staff-login";
import { bookTicket } from "./support/staff-tickets";

const PHONE = { width: 360, height: 740 };

async function expectNoAxeViolations(page: Page) {
  const results = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"])
    .analyze();
  expect(
    results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`),
  ).toEqual([]);
}

test.use({ viewport: PHONE });

test("staff sign in on a phone, check a typed ticket, admit the party, and a second scan is refused", async ({
  page,
}, testInfo) => {
  const ticket = await bookTicket(page.request, { partySize: 3 });
  await signInWithForm(page, "staff");
  await expect(page.getByRole("heading", { level: 1, name: "Ingressi" })).toBeVisible();
  await expectNoAxeViolations(page);

  await page
    .getByRole("combobox", { name: "Spettacolo" })
    .selectOption(String(ticket.performanceId));
  const counter = page.getByTestId("door-counter");
  await expect(counter).toContainText(/Entrati \d+ su \d+ posti prenotati/);
  const before = Number(/Entrati (\d+)/.exec((await counter.textContent()) ?? "")?.[1]);

  const code = page.getByLabel("Codice prenotazione, link o nome");
  await code.fill(ticket.ticketUrl);
  await code.press("Enter");
  const card = page.locator("main").getByRole("status");
  await expect(card.getByRole("heading", { name: "Biglietto valido" })).toBeVisible();
  await expect(card).toContainText("3 persone");
  // The door greets the party by name (issue 16); never their email or phone.
  await expect(card).toContainText("Maria Rossi");
  await expect(card).not.toContainText("example.org");
  const admit = page.getByRole("button", { name: "Fai entrare 3" });
  await expect(admit).toBeFocused();
  await page.screenshot({ path: testInfo.outputPath("valid-360.png"), fullPage: true });
  await expectNoAxeViolations(page);

  // Keyboard only: Enter in the code field checked it, Enter on the focused button admits.
  await page.keyboard.press("Enter");
  await expect(card.getByRole("heading", { name: "Ingresso registrato" })).toBeVisible();
  await expect(code).toBeFocused();
  // Other tests admit parties to the same performance in parallel: ours adds at least 3.
  await expect
    .poll(async () => Number(/Entrati (\d+)/.exec((await counter.textContent()) ?? "")?.[1]))
    .toBeGreaterThanOrEqual(before + 3);

  await code.fill(ticket.token);
  await page.getByRole("button", { name: "Verifica" }).click();
  await expect(card.getByRole("heading", { name: "Già entrato" })).toBeVisible();
  await expect(card).toContainText("registrato da Marco (staff)");
  await expect(page.getByRole("button", { name: /Fai entrare/ })).toHaveCount(0);
  await page.screenshot({ path: testInfo.outputPath("already-360.png"), fullPage: true });
  await expectNoAxeViolations(page);

  // A broken ticket link is unreadable; a word is a name search (issue 16).
  await code.fill("https://azionelab.example/ticket#token=broken");
  await code.press("Enter");
  await expect(card.getByRole("heading", { name: "Codice non leggibile" })).toBeVisible();
  await code.fill("hello");
  await code.press("Enter");
  await expect(page.getByText("Nessuna prenotazione confermata con questo nome.")).toBeVisible();
});

test("the door page speaks English, and the camera being refused leaves the typed code working", async ({
  page,
  context,
  baseURL,
}, testInfo) => {
  await context.addCookies([{ name: "locale", value: "en", url: baseURL! }]);
  // No fake camera in this project: getUserMedia fails, as on a phone where permission was refused.
  await page.addInitScript(() => {
    Object.defineProperty(navigator, "mediaDevices", {
      value: {
        getUserMedia: () =>
          Promise.reject(new DOMException("Permission denied", "NotAllowedError")),
        enumerateDevices: () => Promise.resolve([]),
      },
    });
  });
  const ticket = await bookTicket(page.request, { partySize: 1 });
  await signInWithApi(page.request, "staff");
  await page.goto(`/staff/check-in?performance=${ticket.performanceId}`);

  await page.getByRole("button", { name: "Start camera" }).click();
  await expect(page.locator("main").getByRole("alert")).toContainText("permission was denied");

  await page.getByLabel("Booking code, link or name").fill(ticket.token);
  await page.getByRole("button", { name: "Check" }).click();
  await expect(page.locator("main").getByRole("status")).toContainText("1 person");
  await page.getByRole("button", { name: "Admit 1 person" }).click();
  await expect(
    page.locator("main").getByRole("status").getByRole("heading", { name: "Entry recorded" }),
  ).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath("checked-in-en-360.png"), fullPage: true });
  await expectNoAxeViolations(page);
});

test("the sign-in page explains a wrong password, and sign-out ends the session", async ({
  page,
}, testInfo) => {
  await page.goto("/staff/check-in");
  await expect(page).toHaveURL(/\/login\?callbackUrl=%2Fstaff%2Fcheck-in/);
  await expectNoAxeViolations(page);

  await page.getByLabel("Email").fill("staff@azionelab.example");
  await page.getByLabel("Password").fill("not-the-password");
  await page.getByRole("button", { name: "Accedi" }).click();
  await expect(page.locator("main").getByRole("alert")).toContainText(
    "Email o password non corretti",
  );
  await page.screenshot({ path: testInfo.outputPath("login-error-360.png"), fullPage: true });
  await expectNoAxeViolations(page);

  await signInWithForm(page, "staff");
  await page.getByRole("button", { name: "Esci" }).click();
  await expect(page).toHaveURL(/\/login\?signedOut=1/);
  await expect(page.getByText("Sei uscito")).toBeVisible();
  await page.goto("/staff/check-in");
  await expect(page).toHaveURL(/\/login/);
});

test("an admin finds the lost-ticket check-in; staff do not", async ({
  page,
  browser,
  baseURL,
}) => {
  const ticket = await bookTicket(page.request, { partySize: 2 });
  await signInWithForm(page, "admin");
  const reservation = page.getByLabel("Numero di prenotazione");
  await reservation.fill(String(ticket.reservationId));
  await page.getByRole("button", { name: "Registra ingresso" }).click();
  await expect(
    page.getByText(`Ingresso della prenotazione ${ticket.reservationId} registrato.`),
  ).toBeVisible();
  await reservation.fill(String(ticket.reservationId));
  await page.getByRole("button", { name: "Registra ingresso" }).click();
  await expect(
    page.getByText(/Già entrata alle \d\d:\d\d, registrata da Chiara \(admin\)/),
  ).toBeVisible();
  await expectNoAxeViolations(page);

  // The QR of a party let in by hand is refused at the door.
  const preview = await page.request.post("/api/check-ins/preview", {
    data: { token: ticket.token },
  });
  expect(preview.status()).toBe(409);

  const staffContext = await browser.newContext({ baseURL, viewport: PHONE });
  const staffPage = await staffContext.newPage();
  await signInWithForm(staffPage, "staff");
  await expect(staffPage.getByLabel("Numero di prenotazione")).toHaveCount(0);
  await staffContext.close();
});
