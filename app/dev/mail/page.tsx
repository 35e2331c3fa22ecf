import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Fragment } from "react";
import { config } from "@/lib/config";
import { publicText } from "@/web/i18n/public-text";
import { readMailbox } from "@/lib/mail/mailbox";

export const metadata: Metadata = { title: "Mail", robots: { index: false } };

/** The text part with its links clickable, so a developer can follow a confirmation link. */
function Linkified({ text }: { text: string }) {
  const parts = text.split(/(https?:\/\/\S+)/g);
  return (
    <>
      {parts.map((part, i) =>
        /^https?:\/\//.test(part) ? (
          <a key={i} href={part} className="break-all">
            {part}
          </a>
        ) : (
          <Fragment key={i}>{part}</Fragment>
        ),
      )}
    </>
  );
}

// Reads the mailbox and the configuration on each request (the root layout no longer
// makes every page dynamic).
export const dynamic = "force-dynamic";

// Development only: the mailbox holds other visitors' links, so production answers 404.
export default async function DevMailPage() {
  const { NODE_ENV, EMAIL_TRANSPORT, MAIL_DIR } = config();
  if (NODE_ENV === "production" || EMAIL_TRANSPORT !== "file") notFound();
  const { t } = await publicText();
  const mails = await readMailbox(MAIL_DIR);
  return (
    <div className="space-y-6">
      <h1 className="text-3xl font-semibold">{t.devMail.title}</h1>
      {mails.length === 0 ? <p>{t.devMail.empty}</p> : null}
      <ol className="space-y-4">
        {mails.map((mail) => (
          <li
            key={mail.file}
            className="space-y-2 rounded-lg border border-line bg-paper-raised p-4"
          >
            <h2 className="text-xl font-semibold">{mail.subject}</h2>
            <p className="text-sm text-ink-muted">
              {t.devMail.to}: {mail.to} · {mail.file}
            </p>
            <pre className="overflow-x-auto font-sans text-sm whitespace-pre-wrap">
              <Linkified text={mail.text} />
            </pre>
            {mail.attachments.length > 0 ? (
              <p className="text-sm">
                {t.devMail.attachments}:{" "}
                {mail.attachments.map((a) => (
                  <a
                    key={a.filename}
                    href={`data:${a.contentType};base64,${a.contentBase64}`}
                    download={a.filename}
                    className="mr-3"
                  >
                    {a.filename}
                  </a>
                ))}
              </p>
            ) : null}
          </li>
        ))}
      </ol>
    </div>
  );
}
