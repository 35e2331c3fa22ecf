import { linkSync, mkdirSync, unlinkSync, writeFileSync } from "node:fs";
import path from "node:path";
import { randomBytes } from "node:crypto";
import nodemailer from "nodemailer";
import { Resend } from "resend";
import { config } from "@/lib/config";

export type MailAttachment = {
  filename: string;
  contentType: string;
  content: Buffer;
  /** Set: an inline part that the HTML shows as `cid:<contentId>`. */
  contentId?: string;
};

export type OutgoingMail = {
  to: string;
  subject: string;
  text: string;
  html: string;
  attachments: MailAttachment[];
};

/**
 * What the queue knows about a delivery. `idempotencyKey` is the same on every attempt
 * of one email job, so a provider that honours it (Resend; the file mailbox) delivers
 * once even when the worker died after the provider accepted and before the job was
 * marked done. SMTP has no such key: there a crash in that window means a second copy.
 */
export type DeliveryOptions = { idempotencyKey?: string; queuedAt?: Date };

/** Delivers one message or throws. Errors must not carry the address or a token (they get logged). */
export type MailTransport = (mail: OutgoingMail, options?: DeliveryOptions) => Promise<void>;

/**
 * A refused delivery. `code` is machine-readable (it is shown to admins and logged);
 * `permanent` failures (invalid address, rejected message) are not retried.
 */
export class MailDeliveryError extends Error {
  constructor(
    readonly code: string,
    readonly permanent = false,
  ) {
    super(`mail delivery failed: ${code}`);
    this.name = "MailDeliveryError";
  }
}

/** Every provider call has a deadline: a hung provider becomes a retried `timeout`. */
export const MAIL_TIMEOUT_MS = 15_000;

async function withTimeout<T>(ms: number, run: (signal: AbortSignal) => Promise<T>): Promise<T> {
  const controller = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      controller.abort();
      reject(new MailDeliveryError("timeout"));
    }, ms);
  });
  try {
    return await Promise.race([run(controller.signal), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

function stamp(date: Date): string {
  return date.toISOString().replace(/[:.]/g, "-");
}

/**
 * The `file` mailbox (PRODUCT.md §6): one JSON file per message in `dir`, named after the
 * time it was queued (so sorting names sorts the mail) and its idempotency key. Written
 * under a temporary name, then hard-linked to its final name, which fails if that name
 * exists: a retried job finds its message already delivered and writes no second copy,
 * and a reader (/dev/mail, e2e tests) never sees half a message. The calls are
 * synchronous: a message is a few kilobytes on a local disk, and each call through
 * libuv's thread pool cost more than twice the CPU of the call itself (measured here:
 * 0.5 ms against 0.2 ms per message), which the job runner shares with the requests.
 */
export function fileTransport(dir: string): MailTransport {
  return async (mail, options = {}) => {
    const key = options.idempotencyKey ?? randomBytes(4).toString("hex");
    const name = `${stamp(options.queuedAt ?? new Date())}-${key}.json`;
    const body = {
      to: mail.to,
      subject: mail.subject,
      text: mail.text,
      html: mail.html,
      attachments: mail.attachments.map((a) => ({
        filename: a.filename,
        contentType: a.contentType,
        contentBase64: a.content.toString("base64"),
        ...(a.contentId ? { contentId: a.contentId } : {}),
      })),
    };
    const temporary = path.join(dir, `.${name}.${randomBytes(4).toString("hex")}.tmp`);
    const json = JSON.stringify(body, null, 2);
    try {
      writeFileSync(temporary, json);
    } catch (error) {
      // The directory is made when missing (first message, or emptied by an operator),
      // not before every message.
      if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
      mkdirSync(dir, { recursive: true });
      writeFileSync(temporary, json);
    }
    try {
      linkSync(temporary, path.join(dir, name));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    } finally {
      unlinkSync(temporary);
    }
  };
}

/** Resend's error names that a retry cannot fix. */
const RESEND_PERMANENT = new Set([
  "validation_error",
  "missing_required_field",
  "invalid_parameter",
  "invalid_from_address",
  "invalid_access",
  "invalid_api_key",
  "restricted_api_key",
  "missing_api_key",
  "not_found",
  "method_not_allowed",
  "invalid_idempotency_key",
  "invalid_idempotent_request",
]);

export function resendTransport(
  apiKey: string,
  from: string,
  timeoutMs = MAIL_TIMEOUT_MS,
): MailTransport {
  const client = new Resend(apiKey);
  return async (mail, options = {}) => {
    const { error } = await withTimeout(timeoutMs, (signal) =>
      client.emails.send(
        {
          from,
          to: mail.to,
          subject: mail.subject,
          text: mail.text,
          html: mail.html,
          attachments: mail.attachments.map((a) => ({
            filename: a.filename,
            contentType: a.contentType,
            content: a.content,
            ...(a.contentId ? { contentId: a.contentId } : {}),
          })),
        },
        { idempotencyKey: options.idempotencyKey, signal },
      ),
    );
    // Resend's message may quote the recipient; only its error name is safe to log.
    if (error) throw new MailDeliveryError(error.name, RESEND_PERMANENT.has(error.name));
  };
}

/**
 * SMTP through nodemailer (`SMTP_URL`, e.g. smtps://user:pass@mail.example.org:465). A 5xx
 * reply is permanent, anything else (4xx, connection, timeout) is retried. The Message-ID
 * is derived from the idempotency key, so a copy sent twice after a crash carries the
 * same id, which many mail clients fold into one.
 */
export function smtpTransport(
  url: string,
  from: string,
  timeoutMs = MAIL_TIMEOUT_MS,
): MailTransport {
  const transporter = nodemailer.createTransport(url, {
    connectionTimeout: timeoutMs,
    greetingTimeout: timeoutMs,
    socketTimeout: timeoutMs,
  } as nodemailer.TransportOptions);
  return async (mail, options = {}) => {
    const domain = /@([^>\s]+)>?\s*$/.exec(from)?.[1] ?? "azionelab.invalid";
    try {
      await withTimeout(timeoutMs, () =>
        transporter.sendMail({
          from,
          to: mail.to,
          subject: mail.subject,
          text: mail.text,
          html: mail.html,
          messageId: options.idempotencyKey ? `<${options.idempotencyKey}@${domain}>` : undefined,
          attachments: mail.attachments.map((a) => ({
            filename: a.filename,
            contentType: a.contentType,
            content: a.content,
            ...(a.contentId ? { cid: a.contentId, contentDisposition: "inline" as const } : {}),
          })),
        }),
      );
    } catch (error) {
      if (error instanceof MailDeliveryError) throw error;
      const responseCode = (error as { responseCode?: number }).responseCode;
      if (typeof responseCode === "number")
        throw new MailDeliveryError(`smtp_${responseCode}`, responseCode >= 500);
      const code = (error as { code?: string }).code;
      throw new MailDeliveryError(
        typeof code === "string" ? `smtp_${code.toLowerCase()}` : "smtp_error",
      );
    }
  };
}

/** The transport EMAIL_TRANSPORT names. */
export function configuredTransport(): MailTransport {
  const { EMAIL_TRANSPORT, MAIL_DIR, RESEND_API_KEY, EMAIL_FROM, SMTP_URL } = config();
  if (EMAIL_TRANSPORT === "resend" && RESEND_API_KEY)
    return resendTransport(RESEND_API_KEY, EMAIL_FROM);
  if (EMAIL_TRANSPORT === "smtp" && SMTP_URL) return smtpTransport(SMTP_URL, EMAIL_FROM);
  return fileTransport(MAIL_DIR);
}
