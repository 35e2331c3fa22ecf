// The `file` mailbox (PRODUCT.md §6) as the soak reads it: one JSON file per message,
// named `<queued time>-azionelab-email-<delivery id>.json`. The soak's visitors open the
// links found here (a booking's confirmation, a waiting list's address confirmation and
// offer), as a person would from their inbox; the checker counts the messages per delivery.
import { readdir, readFile, stat } from "node:fs/promises";
import path from "node:path";

export type MailboxMessage = {
  name: string;
  deliveryId: number;
  to: string;
  /** The token of the message's link of each kind (a booking's confirmation, a waiting list's). */
  links: Partial<Record<LinkKind, string>>;
  /** When the file was written (its mtime). */
  writtenAt: number;
};

const NAME = /-azionelab-email-(\d+)\.json$/;
/** The pages an emailed link opens (with or without the /en prefix); the token is in the fragment. */
const LINKS = {
  confirmation: /\/\/[^/\s]+(?:\/en)?\/confirm#token=([A-Za-z0-9_-]+)/,
  "waitlist confirm": /\/waitlist\/confirm#token=([A-Za-z0-9_-]+)/,
  "waitlist offer": /\/waitlist\/offer#token=([A-Za-z0-9_-]+)/,
} as const;
export type LinkKind = keyof typeof LINKS;

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
        links: Object.fromEntries(
          Object.entries(LINKS).flatMap(([kind, pattern]) => {
            const token = pattern.exec(body.text)?.[1];
            return token ? [[kind, token]] : [];
          }),
        ),
        writtenAt: info.mtimeMs,
      };
      this.seen.set(name, message);
      const list = this.byAddress.get(message.to) ?? [];
      list.push(message);
      this.byAddress.set(message.to, list);
    }
  }

  /** The token of the newest link of `kind` mailed to `address` (a resend replaces the older one). */
  latestLink(address: string, kind: LinkKind): string | null {
    const links = (this.byAddress.get(address) ?? []).filter((message) => message.links[kind]);
    if (links.length === 0) return null;
    return links.reduce((newest, message) =>
      message.deliveryId > newest.deliveryId ? message : newest,
    ).links[kind]!;
  }

  messages(): MailboxMessage[] {
    return [...this.seen.values()];
  }
}
