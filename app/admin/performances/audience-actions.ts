"use server";

import { onRow } from "@/app/admin/crud-actions";
import { cancelPerformance } from "@/lib/audience/cancel-performance";
import { holdersOf } from "@/lib/audience/holder-emails";
import { previewHolderMessage } from "@/lib/audience/holder-mail";
import { messageHolders } from "@/lib/audience/message-holders";
import {
  HOLDER_MESSAGE_FIELDS as FIELDS,
  holderMessageInput,
  type HolderMessageState,
} from "@/lib/audience/message-input";
import type { FormState } from "@/lib/admin/form-state";
import { config } from "@/lib/config";
import { db } from "@/lib/db";
import { fill } from "@/lib/i18n/fill";
import {
  actionId,
  formDataArg,
  parseActionArgs,
  previousState,
} from "@/lib/validation/action-args";
import { adminContext } from "@/web/admin-context";
import { audienceMessages } from "@/web/i18n/audience-text";

/**
 * The message form of /admin/performances/<id>/audience: `intent=preview` shows what the
 * holders will read (in each language) and how many; `intent=send` queues it (audited).
 * A plain form: works before JavaScript loads.
 */
export async function holderMessageAction(
  performanceId: number,
  previous: HolderMessageState,
  formData: FormData,
): Promise<HolderMessageState> {
  const args = parseActionArgs(
    [actionId, previousState, formDataArg],
    [performanceId, previous, formData],
  );
  const { user, locale } = await adminContext(
    args ? `/admin/performances/${args[0]}/audience` : "/admin/performances",
  );
  if (!args) return { status: "idle" };
  const [id, , form] = args;
  const t = audienceMessages(locale).admin.audience;
  const values = Object.fromEntries(
    FIELDS.map((field) => {
      const value = form.get(field);
      return [field, typeof value === "string" ? value : ""];
    }),
  ) as Record<(typeof FIELDS)[number], string>;
  const parsed = holderMessageInput.safeParse(values);
  if (!parsed.success) {
    const errors: Partial<Record<(typeof FIELDS)[number], string>> = {};
    for (const issue of parsed.error.issues)
      errors[issue.path[0] as (typeof FIELDS)[number]] ??= issue.message;
    return { status: "invalid", values, errors };
  }
  if (form.get("intent") === "send") {
    const result = await messageHolders({
      db,
      actor: user,
      performanceId: id,
      message: parsed.data,
    });
    if (!result.ok) return { status: "invalid", values, errors: {}, message: t.noRecipients };
    return { status: "sent", message: fill(t.sent, { count: result.recipients }) };
  }
  const { APP_URL, TIME_ZONE } = config();
  const recipients = (await holdersOf(db, id, { pending: false, now: new Date(), optedOut: false }))
    .length;
  const previews = [];
  for (const language of ["it", "en"] as const) {
    const preview = await previewHolderMessage({
      db,
      performanceId: id,
      message: parsed.data,
      locale: language,
      sampleName: "Maria Rossi",
      context: { appUrl: APP_URL, timeZone: TIME_ZONE },
    });
    if (preview) previews.push({ locale: language, ...preview });
  }
  return { status: "preview", values, recipients, previews };
}

/** "Cancel the performance" (asked first); everyone is told, audited with the count. */
export async function cancelPerformanceAction(performanceId: number): Promise<FormState> {
  return onRow("/admin/performances", performanceId, async ({ user, locale }, id) => {
    const t = audienceMessages(locale).admin.audience;
    const result = await cancelPerformance({ db, actor: user, performanceId: id });
    if (result.ok)
      return {
        status: "ok",
        message: fill(t.cancelDone, { holders: result.holders, waitlist: result.waitlist }),
      };
    return {
      status: "error",
      message: result.reason === "already_cancelled" ? t.alreadyCancelled : t.alreadyCancelled,
    };
  });
}
