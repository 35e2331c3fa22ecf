import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";

// Where the e2e server's file transport writes (playwright.config.ts, MAIL_DIR).
export const E2E_MAIL_DIR = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  "..",
  "..",
  ".data",
  "e2e-mail",
);

export type E2eMail = {
  file: string;
  to: string;
  subject: string;
  text: string;
  html: string;
  attachments: { filename: string; contentType: string; contentBase64: string }[];
};

async function mailsTo(to: string): Promise<E2eMail[]> {
  const names = (await readdir(E2E_MAIL_DIR).catch(() => [] as string[])).filter(
    (n) => n.endsWith(".json") && !n.startsWith("."),
  );
  const mails: E2eMail[] = [];
  // File names start with the send time, so sorting them sorts the mail.
  for (const file of names.sort()) {
    const mail = JSON.parse(await readFile(path.join(E2E_MAIL_DIR, file), "utf8")) as Omit<
      E2eMail,
      "file"
    >;
    if (mail.to === to) mails.push({ file, ...mail });
  }
  return mails;
}

/** The newest mail to `to` (whose subject matches `subject`, if given), waiting up to `timeoutMs` for it. */
export async function newestMail(
  to: string,
  { subject, timeoutMs = 10_000 }: { subject?: RegExp; timeoutMs?: number } = {},
): Promise<E2eMail> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = (await mailsTo(to)).filter((m) => !subject || subject.test(m.subject)).at(-1);
    if (found) return found;
    if (Date.now() > deadline)
      throw new Error(`no mail to ${to}${subject ? ` with subject ${subject}` : ""}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** The `/confirm#token=` or `/ticket#token=` link of a mail. */
export function linkIn(mail: E2eMail, page: "confirm" | "ticket"): string {
  const match = new RegExp(`https?://\\S+/${page}#token=[A-Za-z0-9_-]{43}`).exec(mail.text);
  if (!match) throw new Error(`no /${page} link in "${mail.subject}"`);
  return match[0];
}
