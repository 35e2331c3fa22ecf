import type { MailTransport, OutgoingMail } from "@/lib/mail/transport";

/** A transport that keeps messages in memory, for tests of what would be sent. */
export function captureMail(): { transport: MailTransport; sent: OutgoingMail[] } {
  const sent: OutgoingMail[] = [];
  return { sent, transport: async (mail) => void sent.push(mail) };
}

export const failingTransport: MailTransport = async () => {
  throw new Error("SMTP down for maria.rossi@example.org");
};
