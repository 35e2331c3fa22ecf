// The `file` mailbox (PRODUCT.md §6) as the soak reads it: one JSON file per message,
// named `<queued time>-azionelab-email-<delivery id>.json`. The soak's visitors confirm
// their bookings with the link found here, as a person would from their inbox; the
// checker counts the messages per delivery.
import { readdir, readFile, stat } from "node:fs/promises";
import path from "node:path";

export type MailboxMessage = {
  name: string;
  deliveryId: number;
  to: string;
  /** The confirmation link's token, when the message is a confirmation email. */
  confirmationToken: string | null;
  /** When the file was written (its mtime). */
  writtenAt: number;
};

const NAME = /-azionelab-email-(\d+)\.json$/;
const CONFIRMATION_LINK = /\/confirm#token=([A-Za-z0-9_-]+)/;

export class Mailbox {
  private readonly seen = new Map<string, MailboxMessage>();
  private readonly byAddress = new Map<string, MailboxMessage[]>();
  private scanning: Promise<void> | undefined;

  constructor(readonly dir: string) {}

  /** Reads the messages that arrived since the last call (one scan at a time). */
  refresh(): Promise<void> {
    this.scanning ??= this.scan().finally(() => (this.scanning = undefined));
    return this.scanning;
  }

  private async scan(): Promise<void> {
    const names = await readdir(this.dir).catch(() => [] as string[]);
    for (const name of names) {
      const match = NAME.exec(name);
      if (!match || name.startsWith(".") || this.seen.has(name)) continue;
      const file = path.join(this.dir, name);
      const [text, info] = await Promise.all([readFile(file, "utf8"), stat(file)]);
      const body = JSON.parse(text) as { to: string; text: string };
      const message: MailboxMessage = {
        name,
        deliveryId: Number(match[1]),
        to: body.to,
        confirmationToken: CONFIRMATION_LINK.exec(body.text)?.[1] ?? null,
        writtenAt: info.mtimeMs,
      };
      this.seen.set(name, message);
      const list = this.byAddress.get(message.to) ?? [];
      list.push(message);
      this.byAddress.set(message.to, list);
    }
  }

  /** The newest confirmation link mailed to `address` (a resend replaces the older one). */
  latestConfirmationToken(address: string): string | null {
    const links = (this.byAddress.get(address) ?? []).filter(
      (message) => message.confirmationToken !== null,
    );
    if (links.length === 0) return null;
    return links.reduce((newest, message) =>
      message.deliveryId > newest.deliveryId ? message : newest,
    ).confirmationToken;
  }

  messages(): MailboxMessage[] {
    return [...this.seen.values()];
  }
}
