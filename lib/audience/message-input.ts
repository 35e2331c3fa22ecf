import { z } from "zod";
import { lineText, multilineText } from "@/lib/validation/text";

/**
 * An admin's message to the holders of a performance: Italian subject and text required,
 * English optional (visitors who booked in English get the Italian text when it is empty).
 */
export const holderMessageInput = z
  .object({
    subject: lineText().trim().min(1, "required").max(200, "too_long"),
    body: multilineText().trim().min(1, "required").max(5000, "too_long"),
    subjectEn: lineText().trim().max(200, "too_long").default(""),
    bodyEn: multilineText().trim().max(5000, "too_long").default(""),
  })
  .refine((m) => (m.subjectEn === "") === (m.bodyEn === ""), {
    path: ["bodyEn"],
    message: "english_incomplete",
  });

export type HolderMessage = z.output<typeof holderMessageInput>;

export const HOLDER_MESSAGE_FIELDS = ["subject", "body", "subjectEn", "bodyEn"] as const;

/** What the message form of /admin shows after a post: errors, a preview, or the send. */
export type HolderMessageState =
  | { status: "idle" }
  | {
      status: "invalid";
      values: Record<(typeof HOLDER_MESSAGE_FIELDS)[number], string>;
      errors: Partial<Record<(typeof HOLDER_MESSAGE_FIELDS)[number], string>>;
      message?: string;
    }
  | {
      status: "preview";
      values: Record<(typeof HOLDER_MESSAGE_FIELDS)[number], string>;
      recipients: number;
      previews: { locale: "it" | "en"; subject: string; text: string }[];
    }
  | { status: "sent"; message: string };
