import { writeFile } from "node:fs/promises";
import { chromium, expect, test } from "@playwright/test";
import { PNG } from "pngjs";
import QRCode from "qrcode";
import { signInWithApi } from "./support/staff-login";
import { bookTicket } from "./support/staff-tickets";

const WIDTH = 640;
const HEIGHT = 480;

/**
 * A one-frame YUV4MPEG2 video of `text` as a 240 px QR code (quiet zone included) centred
 * on white: what Chromium's fake camera plays (`--use-file-for-fake-video-capture`; measured
 * on this project's machine: without the F rate tag the video is 0x0, and a QR larger than
 * the scanner's box never decodes).
 */
async function qrVideo(text: string): Promise<Buffer> {
  const qr = PNG.sync.read(
    await QRCode.toBuffer(text, { width: 240, margin: 4, errorCorrectionLevel: "M" }),
  );
  const luma = Buffer.alloc(WIDTH * HEIGHT, 255);
  const left = Math.floor((WIDTH - qr.width) / 2);
  const top = Math.floor((HEIGHT - qr.height) / 2);
  for (let y = 0; y < qr.height; y += 1) {
    for (let x = 0; x < qr.width; x += 1) {
      const i = (y * qr.width + x) * 4;
      // Full-range BT.601 luma; the picture is grey, so both chroma planes stay neutral (128).
      luma[(top + y) * WIDTH + left + x] = Math.round(
        0.299 * qr.data[i] + 0.587 * qr.data[i + 1] + 0.114 * qr.data[i + 2],
      );
    }
  }
  const chroma = Buffer.alloc((WIDTH / 2) * (HEIGHT / 2), 128);
  return Buffer.concat([
    Buffer.from(`YUV4MPEG2 W${WIDTH} H${HEIGHT} F15:1 Ip A1:1 C420jpeg\n`),
    Buffer.from("FRAME\n"),
    luma,
    chroma,
    chroma,
  ]);
}

test("the door page reads a ticket QR from the camera, without typing", async ({
  request,
  baseURL,
}, testInfo) => {
  const ticket = await bookTicket(request, { partySize: 2 });
  const video = testInfo.outputPath("ticket.y4m");
  await writeFile(video, await qrVideo(ticket.ticketUrl));

  // The camera file must be known when Chromium starts, and the ticket only exists now.
  const launchOptions = testInfo.project.use.launchOptions ?? {};
  const browser = await chromium.launch({
    ...launchOptions,
    args: [
      ...(launchOptions.args ?? []),
      "--use-fake-ui-for-media-stream",
      "--use-fake-device-for-media-stream",
      `--use-file-for-fake-video-capture=${video}`,
    ],
  });
  try {
    const context = await browser.newContext({
      baseURL,
      viewport: { width: 360, height: 740 },
      locale: "it-IT",
      timezoneId: "Europe/Rome",
    });
    await signInWithApi(context.request, "staff");
    const page = await context.newPage();
    await page.goto(`/staff/check-in?performance=${ticket.performanceId}`);

    await page.getByRole("button", { name: "Avvia fotocamera" }).click();
    const card = page.locator("main").getByRole("status");
    await expect(card.getByRole("heading", { name: "Biglietto valido" })).toBeVisible({
      timeout: 15_000,
    });
    await expect(card).toContainText("2 persone");
    await expect(page.getByLabel("Codice prenotazione, link o nome")).toHaveValue("");
    await page.screenshot({ path: testInfo.outputPath("camera-valid-360.png"), fullPage: true });

    await page.getByRole("button", { name: "Fai entrare 2" }).click();
    await expect(card.getByRole("heading", { name: "Ingresso registrato" })).toBeVisible();
    // The same ticket still in front of the camera is not scanned over and over.
    await page.waitForTimeout(1_500);
    await expect(card.getByRole("heading", { name: "Ingresso registrato" })).toBeVisible();
    await expect(page.getByRole("button", { name: "Ferma fotocamera" })).toBeVisible();
    await context.close();
  } finally {
    await browser.close();
  }
});
