import { randomBytes } from "node:crypto";
import { mkdir, rename, writeFile } from "node:fs/promises";
import path from "node:path";
import { Resend } from "resend";
import { config } from "@/lib/config";

export type MailAttachment = { filename: string; contentType: string; content: Buffer };

export type OutgoingMail = {
  to: string;
  subject: string;
  text: string;
  html: string;
  attachments: MailAttachment[];
};

/** Delivers one message or throws. Errors must not carry the address or a token (they get logged). */
export type MailTransport = (mail: OutgoingMail) => Promise<void>;

export class MailDeliveryError extends Error {
  constructor(reason: string) {
    super(`mail delivery failed: ${reason}`);
    this.name = "MailDeliveryError";
  }
}

/**
 * The `file` mailbox (PRODUCT.md §6): one JSON file per message in `dir`. Written under a
 * temporary name and renamed, so a reader (/dev/mail, e2e tests) never sees half a message.
 */
export function fileTransport(dir: string): MailTransport {
  return async (mail) => {
    await mkdir(dir, { recursive: true });
    const name = `${new Date().toISOString().replace(/[:.]/g, "-")}-${randomBytes(4).toString("hex")}.json`;
    const body = {
      to: mail.to,
      subject: mail.subject,
      text: mail.text,
      html: mail.html,
      attachments: mail.attachments.map((a) => ({
        filename: a.filename,
        contentType: a.contentType,
        contentBase64: a.content.toString("base64"),
      })),
    };
    const temporary = path.join(dir, `.${name}.tmp`);
    await writeFile(temporary, JSON.stringify(body, null, 2));
    await rename(temporary, path.join(dir, name));
  };
}

export function resendTransport(apiKey: string, from: string): MailTransport {
  const client = new Resend(apiKey);
  return async (mail) => {
    const { error } = await client.emails.send({
      from,
      to: mail.to,
      subject: mail.subject,
      text: mail.text,
      html: mail.html,
      attachments: mail.attachments.map((a) => ({
        filename: a.filename,
        contentType: a.contentType,
        content: a.content,
      })),
    });
    // Resend's message may quote the recipient; only its error name is safe to log.
    if (error) throw new MailDeliveryError(error.name);
  };
}

/** The transport EMAIL_TRANSPORT names. */
export function configuredTransport(): MailTransport {
  const { EMAIL_TRANSPORT, MAIL_DIR, RESEND_API_KEY, EMAIL_FROM } = config();
  if (EMAIL_TRANSPORT === "resend" && RESEND_API_KEY)
    return resendTransport(RESEND_API_KEY, EMAIL_FROM);
  return fileTransport(MAIL_DIR);
}
